// The incremental engine: inputs, derived queries, revisions, recorded dependencies, early cutoff.
export {
  CycleError,
  Database,
  type DatabaseOptions,
  type Equals,
  type Input,
  type Partition,
  type Query,
} from './database';
export { structuralEquals } from './equals';
