// Test helper run as its own process: waits until the epoch milliseconds in START_AT (so several
// processes begin in the same instant), then either migrates DATABASE_URL (MODE=migrate) or does
// the Node entry's whole first start: migrate, seed the demo data, demo accounts (MODE=start).
import { loadConfig } from '../../src/config';
import { migrateNodeDatabase, openNodeDatabase } from '../../src/db/node-client';
import { prepareNodeDatabase } from '../../src/node';

const wait = () => new Promise((r) => setTimeout(r, Math.max(0, Number(process.env.START_AT) - Date.now())));
if (process.env.MODE === 'start') {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  await wait();
  (await prepareNodeDatabase(config, () => {})).close();
} else {
  const database = openNodeDatabase(process.env.DATABASE_URL!);
  await wait();
  try {
    await migrateNodeDatabase(database);
  } finally {
    database.close();
  }
}
process.stdout.write('done\n');
