import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../config';
import { openConfiguredDatabase } from '../db/open';
import { fromGlobalIdOf, toGlobalId } from '../graphql/relay/global-id';
import { AuthService } from '../modules/auth/auth.service';
import { Role } from '../modules/user/user.entity';
import { UserService } from '../modules/user/user.service';

const USAGE = `usage:
  npm run token -- create --name "Ana" --role reviewer|editor|admin [--label "Ana's laptop"]
  npm run token -- revoke <token id>`;

function fail(message: string): never {
  console.error(`token: ${message}`);
  process.exit(2);
}

/** API tokens from the command line, on the database of DATABASE_PATH (the service's). */
async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string' }, label: { type: 'string' } },
  });
  const [command, argument] = positionals;
  const config = loadConfigOrExit('token', 2);
  const db = await openConfiguredDatabase(config);
  try {
    const auth = new AuthService({ db });
    if (command === 'create') {
      const name = values.name?.trim();
      const role = values.role?.toUpperCase() as Role | undefined;
      if (!name || name.length > 200) fail(`--name is required (1-200 characters)\n${USAGE}`);
      if (!role || !Object.values(Role).includes(role)) fail(`--role must be reviewer, editor or admin\n${USAGE}`);
      const { user, created } = await new UserService({ db }).findOrCreate(name, role);
      if (!created && user.role !== role)
        console.error(`note: "${user.name}" exists with role ${user.role}; the token acts with that role.`);
      const { token, secret } = await auth.issue(user.id, values.label?.trim() || 'command line');
      console.error(
        `${created ? 'created user' : 'user'} "${user.name}" (${user.role}); token id ${toGlobalId('ApiToken', token.id)}`,
      );
      console.error('the token is shown once; send it as  Authorization: Bearer <token>');
      console.log(secret);
    } else if (command === 'revoke' && argument) {
      let id: number;
      try {
        id = fromGlobalIdOf('ApiToken', argument, 'id');
      } catch {
        fail(`"${argument}" is not a token id (the id printed when the token was created)`);
      }
      const token = await auth.revoke(id);
      console.log(`revoked token ${argument} (${token.tokenPrefix}…, "${token.label}")`);
    } else {
      fail(USAGE);
    }
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  } finally {
    await db.close();
  }
}

void main();
