// Writes schemas/gateway-lens-config.json from the checks (node --import tsx scripts/generate-config-schema.ts).
import * as fs from 'fs';
import * as path from 'path';
import { configSchema } from '../server/src/analysis/config/schema';

const out = path.join(__dirname, '..', 'schemas', 'gateway-lens-config.json');
fs.writeFileSync(out, JSON.stringify(configSchema(), null, 2) + '\n');
