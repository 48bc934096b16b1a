/**
 * Node CLI for review workspace accounts (database from DATABASE_URL, as the app):
 *   npm run user -- create --email E --role officer|admin [--name NAME] [--password-stdin]
 *   npm run user -- reset --email E [--password-stdin]
 *   npm run user -- disable --email E
 *   npm run user -- list
 * create and reset print a generated password once (unless --password-stdin reads one from
 * standard input); reset makes the user choose a new password at next sign-in and signs them out
 * everywhere; disable revokes every session. Every change is recorded in audit_events (actor "cli").
 * Exit codes: 0 ok, 1 refused / not found, 2 usage.
 */
import { runWithDatabase } from './run-with-database';
import { parseArgs } from 'node:util';
import type { Db } from '../db/types';
import { AccountError, createUser, disableUser, listUsers, resetPassword, ROLES, type Role } from '../review/auth/users';

export const USAGE = `usage:
  npm run user -- create --email E --role officer|admin [--name NAME] [--password-stdin]
  npm run user -- reset --email E [--password-stdin]
  npm run user -- disable --email E
  npm run user -- list`;

export interface CommandResult {
  code: number;
  out: string;
  err: string;
}

export interface UserCommandOptions {
  now: Date;
  /** Reads the password for --password-stdin (first line, without the newline). */
  readStdin?: () => Promise<string>;
  /** PBKDF2 cost (tests pass a low one; default PBKDF2_ITERATIONS). */
  iterations?: number;
}

const ok = (out: string): CommandResult => ({ code: 0, out, err: '' });
const fail = (code: number, err: string): CommandResult => ({ code, out: '', err });

/** Runs one command against `db`; returns exit code and output instead of exiting. */
export async function runUserCommand(db: Db, argv: string[], opts: UserCommandOptions): Promise<CommandResult> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    return fail(2, `${(e as Error).message}\n${USAGE}\n`);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help) return ok(`${USAGE}\n`);
  if (!command) return fail(2, `give a command\n${USAGE}\n`);
  if (rest.length) return fail(2, `unexpected argument "${rest[0]}"\n${USAGE}\n`);

  const password = async (): Promise<string | undefined> => {
    if (!values['password-stdin']) return undefined;
    if (!opts.readStdin) throw new AccountError('weak_password', 'no standard input to read the password from');
    return (await opts.readStdin()).split(/\r?\n/)[0];
  };
  const needEmail = () => (values.email ? null : fail(2, `${command} needs --email\n${USAGE}\n`));

  try {
    if (command === 'create') {
      const missing = needEmail();
      if (missing) return missing;
      if (!values.role || !ROLES.includes(values.role as Role)) return fail(2, `--role must be ${ROLES.join(' or ')}\n`);
      const chosen = await password();
      const r = await createUser(db, { email: values.email!, displayName: values.name ?? '', role: values.role as Role, password: chosen, actor: 'cli', now: opts.now, iterations: opts.iterations });
      return ok(
        `Created ${values.role} account #${r.id} for ${values.email!.trim().toLowerCase()}.\n` +
          (chosen === undefined ? `Password (shown only this once; hand it over securely):\n\n  ${r.password}\n\n` : 'The password from standard input was set.\n'),
      );
    }
    if (command === 'reset') {
      const missing = needEmail();
      if (missing) return missing;
      const chosen = await password();
      const r = await resetPassword(db, { email: values.email!, password: chosen, actor: 'cli', now: opts.now, iterations: opts.iterations });
      return ok(
        `Reset the password of account #${r.id}; all its sessions are signed out and a new password must be chosen at next sign-in.\n` +
          (chosen === undefined ? `Temporary password (shown only this once):\n\n  ${r.password}\n\n` : ''),
      );
    }
    if (command === 'disable') {
      const missing = needEmail();
      if (missing) return missing;
      const r = await disableUser(db, { email: values.email!, actor: 'cli', now: opts.now });
      return ok(r.changed ? `Disabled account #${r.id} (${r.email}); all its sessions are revoked.\n` : `Account #${r.id} (${r.email}) was already disabled.\n`);
    }
    if (command === 'list') {
      const users = await listUsers(db);
      if (!users.length) return ok('No accounts.\n');
      return ok(users.map((u) => `#${u.id}\t${u.email}\t${u.role}\t${u.disabledAt ? `disabled ${u.disabledAt}` : 'active'}\t${u.displayName}`).join('\n') + '\n');
    }
  } catch (e) {
    if (e instanceof AccountError) return fail(e.code === 'weak_password' || e.code === 'bad_email' || e.code === 'bad_role' ? 2 : 1, `${e.message}\n`);
    throw e;
  }
  return fail(2, `unknown command "${command}"\n${USAGE}\n`);
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

if (process.argv[1]?.endsWith('user.ts')) runWithDatabase((db) => runUserCommand(db, process.argv.slice(2), { now: new Date(), readStdin: readAllStdin }));
