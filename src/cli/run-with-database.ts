/**
 * Shared start-up of the admin CLIs: validate settings (exit 2 naming the bad one), open and
 * migrate DATABASE_URL, run the command, print its output, close the database, exit with its code.
 */
import { ConfigError, loadConfig, type Config } from '../config';
import { migrateNodeDatabase, openNodeDatabase } from '../db/node-client';
import type { Db } from '../db/types';

export interface CommandResult {
  code: number;
  out: string;
  err: string;
}

/** Runs `command` against the configured database and exits the process with its code. */
export function runWithDatabase(command: (db: Db, config: Config) => Promise<CommandResult>): void {
  const main = async (): Promise<number> => {
    let config: Config;
    try {
      config = loadConfig(process.env);
    } catch (e) {
      if (e instanceof ConfigError) {
        process.stderr.write(`${e.message}\n`);
        return 2;
      }
      throw e;
    }
    const database = openNodeDatabase(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
    try {
      await migrateNodeDatabase(database);
      const r = await command(database.db, config);
      process.stdout.write(r.out);
      process.stderr.write(r.err);
      return r.code;
    } finally {
      database.close();
    }
  };
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
