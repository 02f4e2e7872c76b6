/** The `sheyun` command line: every command accepts `--data DIR` and `--workspace NAME`. */
import { Command } from 'commander';
import { registerClv } from './commands/clv.ts';
import { registerColumnize } from './commands/columnize.ts';
import { registerDemo } from './commands/demo.ts';
import { registerGamification } from './commands/gamification.ts';
import { registerImport } from './commands/import.ts';
import { registerKeys } from './commands/keys.ts';
import { registerMembers } from './commands/members.ts';
import { registerReplay } from './commands/replay.ts';
import { registerScores } from './commands/scores.ts';
import { registerServe } from './commands/serve.ts';
import { registerStatus } from './commands/status.ts';
import { reportError } from './context.ts';

const program = new Command('sheyun')
  .description('Sheyun (社运): community operations — collect, score, reward, act, measure')
  .option('--data <dir>', 'data directory of the embedded store (env SHEYUN_DATA_DIR, default ./data)')
  .option('--workspace <name>', 'workspace to work on (env SHEYUN_WORKSPACE, default "default")')
  .option('--log-level <level>', 'debug | info | warn | error | silent')
  .showHelpAfterError();

registerServe(program);
registerKeys(program);
registerStatus(program);
registerImport(program);
registerMembers(program);
registerDemo(program);
registerReplay(program);
registerColumnize(program);
registerClv(program);
registerScores(program);
registerGamification(program);

program.parseAsync(process.argv).catch(reportError);
