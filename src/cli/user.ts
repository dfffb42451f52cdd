import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../config';
import { openConfiguredDatabase } from '../db/open';
import { DomainError } from '../domain/errors';
import { toGlobalId } from '../graphql/relay/global-id';
import { hashPassword, normalizeEmail, passwordProblem } from '../modules/auth/password';
import { SignInService } from '../modules/auth/sign-in.service';
import { Role } from '../modules/user/user.entity';
import { UserService } from '../modules/user/user.service';

const USAGE = `usage:
  npm run user -- create --name "Ana" --email ana@example.org --role reviewer|editor|admin
  npm run user -- password --email ana@example.org
  npm run user -- list
The password is read from stdin (its first line) when stdin is not a terminal; on a terminal it
is asked for twice, without echo.`;

/** Exit codes: 2 for a usage or input mistake, 1 for anything else (the database, a conflict). */
function fail(message: string, code = 2): never {
  console.error(`user: ${message}`);
  process.exit(code);
}

/** Reads one line from a terminal without echoing it. */
function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    process.stderr.write(prompt);
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    let value = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          done();
          return resolve(value);
        }
        if (char === '\u0003') {
          done();
          return reject(new Error('cancelled'));
        }
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else value += char;
      }
    };
    const done = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    input.on('data', onData);
  });
}

/** The first line of stdin (a pipe or a file). */
async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** The new password: from stdin, or asked twice on a terminal; checked by the rules before anything is written. */
async function readNewPassword(email: string | null): Promise<string> {
  let password: string;
  if (process.stdin.isTTY) {
    password = await askHidden('New password: ');
    if ((await askHidden('Once more: ')) !== password) fail('the two passwords differ; nothing was changed');
  } else {
    password = await readStdinLine();
  }
  const problem = passwordProblem(password, email);
  if (problem) fail(`${problem} Nothing was changed.`);
  return password;
}

/** Staff accounts with a sign-in email and password, on the database of DATABASE_PATH / DATABASE_URL. */
async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { name: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' } },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  const { positionals, values } = parsed;
  const [command] = positionals;
  if (!['create', 'password', 'list'].includes(command ?? '')) fail(USAGE);
  const email = values.email !== undefined ? normalizeEmail(values.email) : null;
  if (command !== 'list' && !email) fail(`--email must be an email address\n${USAGE}`);
  let name = '';
  let role: Role | undefined;
  if (command === 'create') {
    name = values.name?.trim() ?? '';
    role = values.role?.toUpperCase() as Role | undefined;
    if (!name || name.length > 200) fail(`--name is required (1-200 characters)\n${USAGE}`);
    if (!role || !Object.values(Role).includes(role)) fail(`--role must be reviewer, editor or admin\n${USAGE}`);
  }
  const config = loadConfigOrExit('user', 2);
  const db = await openConfiguredDatabase(config);
  try {
    const users = new UserService({ db });
    if (command === 'list') {
      for (const user of await users.list()) console.log(`${toGlobalId('User', user.id)}\t${user.role}\t${user.name}`);
    } else if (command === 'create') {
      if (await users.byEmail(email!)) fail(`an account with ${email} exists already`, 1);
      const password = await readNewPassword(email);
      const user = await users.create(name, role!, { email, passwordHash: await hashPassword(password) });
      console.log(
        `created ${user.role} "${user.name}" <${email}> (${toGlobalId('User', user.id)}); they can sign in now`,
      );
    } else {
      const user = await users.byEmail(email!);
      if (!user) fail(`no account has the email ${email}`, 1);
      const password = await readNewPassword(email);
      await new SignInService({ db }).setPassword(user.id, password);
      console.log(`set a new password for "${user.name}" <${email}>; their sessions are signed out`);
    }
  } catch (error) {
    fail(error instanceof DomainError || error instanceof Error ? error.message : String(error), 1);
  } finally {
    await db.close();
  }
}

void main();
