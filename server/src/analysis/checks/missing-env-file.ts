// compose refuses a project whose started service names an `env_file:` that does not exist
// ("env file … not found": compose-go types/project.go loadEnvFile, unless the long form says
// `required: false`), or whose `include:` names an `env_file` that does not exist (compose-go
// loader/include.go ApplyInclude stats each one).
import { loadCheck } from './load-problem';

export const check = loadCheck(
  'missing-env-file',
  'A service or an include names an env_file that does not exist: docker compose refuses the project.',
  'compose reads every env_file of the services it starts (compose-go types/project.go WithServicesEnvironmentResolved, loadEnvFile: "env file … not found") and of each include (loader/include.go ApplyInclude); relative paths resolve from the project directory (05-services.md env_file). The long form `- path: x` with `required: false` lets a missing file be.',
);
