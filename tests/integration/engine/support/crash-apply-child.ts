import { readFileSync } from 'node:fs';
import { clientFactory } from '../../../../electron/core/engine/aws-clients';
import { startRun } from '../../../../electron/core/engine/runs';
import { Plan } from '../../../../shared/plan/plan-model';

/**
 * The crash test's apply process (run with jiti in a child `node`). It applies the plan in
 * KEYLESS_CRASH_PLAN and kills itself with SIGKILL — no cleanup, no flush — once step number
 * KEYLESS_TEST_CRASH_AFTER_STEP has either had its AWS call answered (mode `afterCall`: the
 * outcome is not yet journaled) or its outcome journaled (mode `afterOutcome`). Only this test
 * runner reads those variables; the engine knows nothing of them.
 */
interface CrashConfig {
  readonly endpoint: string;
  readonly region: string;
  readonly appDataDir: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

const config = JSON.parse(process.env.KEYLESS_CRASH_CONFIG ?? '{}') as CrashConfig;
const plan = Plan.parse(JSON.parse(readFileSync(process.env.KEYLESS_CRASH_PLAN ?? '', 'utf8')));
const crashAfter = Number(process.env.KEYLESS_TEST_CRASH_AFTER_STEP ?? '0');
const mode = process.env.KEYLESS_TEST_CRASH_MODE === 'afterCall' ? 'afterCall' : 'afterOutcome';
let calls = 0;
let outcomes = 0;
const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

const factory = clientFactory({ region: config.region, endpoint: config.endpoint, credentials: { agent: config.credentials } });
await startRun(plan, {
  appDataDir: config.appDataDir,
  factory,
  afterCall: () => {
    calls++;
    if (mode === 'afterCall' && calls === crashAfter) die();
  },
  onProgress: (event) => {
    if (event.status !== 'done') return;
    outcomes++;
    if (mode === 'afterOutcome' && outcomes === crashAfter) die();
  },
});
process.stdout.write('finished without crashing\n');
