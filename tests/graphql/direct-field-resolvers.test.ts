import 'reflect-metadata';
import { graphql, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import {
  Arg,
  Authorized,
  buildSchema,
  Ctx,
  Field,
  FieldResolver,
  Info,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
  UseMiddleware,
} from 'type-graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { callPlainFieldResolversDirectly } from '../../src/graphql/direct-field-resolvers';

/**
 * The direct calls must answer exactly as type-graphql's handler does, and must leave alone
 * every field resolver whose handler does more than pass the parent, context and info: roles,
 * middleware, arguments (converted and validated), a parent converted to a class.
 */
@ObjectType()
class Shelf {
  @Field(() => Int)
  id!: number;

  label = '';

  describe(): string {
    return `shelf ${this.id}`;
  }
}

interface ShelfRow {
  id: number;
  label: string;
}

interface TestContext {
  prefix: string;
  middlewareCalls: number;
}

@Resolver(() => Shelf)
class ShelfResolver {
  @Query(() => Shelf)
  shelf(): ShelfRow {
    return { id: 7, label: 'seven' };
  }

  @FieldResolver(() => String)
  plainRoot(@Root() shelf: ShelfRow): string {
    return shelf.label;
  }

  @FieldResolver(() => String)
  contextThenRoot(@Ctx() ctx: TestContext, @Root() shelf: ShelfRow): string {
    return `${ctx.prefix}:${shelf.id}`;
  }

  @FieldResolver(() => String)
  rootContextInfo(@Root() shelf: ShelfRow, @Ctx() ctx: TestContext, @Info() info: { fieldName: string }): string {
    return `${ctx.prefix}:${shelf.label}:${info.fieldName}`;
  }

  @FieldResolver(() => String)
  async later(@Root() shelf: ShelfRow): Promise<string> {
    return `later ${shelf.id}`;
  }

  @FieldResolver(() => String)
  withArgument(@Root() shelf: ShelfRow, @Arg('times', () => Int) times: number): string {
    return shelf.label.repeat(times);
  }

  @Authorized('ADMIN')
  @FieldResolver(() => String)
  adminsOnly(@Root() shelf: ShelfRow): string {
    return shelf.label;
  }

  @UseMiddleware(({ context }, next) => {
    (context as TestContext).middlewareCalls += 1;
    return next();
  })
  @FieldResolver(() => String)
  withMiddleware(@Root() shelf: ShelfRow): string {
    return shelf.label;
  }

  @FieldResolver(() => String)
  classRoot(@Root() shelf: Shelf): string {
    // type-graphql makes the parent a Shelf here: the method is the class's.
    return shelf.describe();
  }
}

const QUERY = `{
  shelf {
    id plainRoot contextThenRoot rootContextInfo later withArgument(times: 2)
    adminsOnly withMiddleware classRoot
  }
}`;

async function build(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [ShelfResolver], authChecker: () => false, validate: false });
}

function shelfFields(schema: GraphQLSchema) {
  return (schema.getType('Shelf') as GraphQLObjectType).getFields();
}

async function run(schema: GraphQLSchema) {
  const contextValue: TestContext = { prefix: 'p', middlewareCalls: 0 };
  const result = await graphql({ schema, source: QUERY, contextValue });
  return { result: JSON.parse(JSON.stringify(result)), middlewareCalls: contextValue.middlewareCalls };
}

describe('field resolvers called directly', () => {
  let handled: GraphQLSchema;
  let direct: GraphQLSchema;
  let changed: string[];

  beforeAll(async () => {
    handled = await build();
    direct = await build();
    const fields = Object.entries(shelfFields(direct));
    const before = new Map(fields.map(([name, field]) => [name, field.resolve]));
    callPlainFieldResolversDirectly(direct);
    changed = fields.filter(([name, field]) => field.resolve !== before.get(name)).map(([name]) => name);
  });

  it('calls directly only the resolvers that take the parent, context and info as they are', () => {
    expect(changed.sort()).toEqual(['contextThenRoot', 'later', 'plainRoot', 'rootContextInfo']);
  });

  it('answers exactly as type-graphql does, roles, middleware, arguments and class parents included', async () => {
    const [expected, actual] = await Promise.all([run(handled), run(direct)]);
    expect(actual).toEqual(expected);
    expect(actual.result.data).toBeNull();
    expect(actual.result.errors).toHaveLength(1);
    expect(actual.result.errors[0].path).toEqual(['shelf', 'adminsOnly']);
    expect(actual.middlewareCalls).toBe(1);
  });

  it('answers every plain field with its method', async () => {
    const result = await graphql({
      schema: direct,
      source: '{ shelf { plainRoot contextThenRoot rootContextInfo later withArgument(times: 3) classRoot } }',
      contextValue: { prefix: 'p', middlewareCalls: 0 },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      shelf: {
        plainRoot: 'seven',
        contextThenRoot: 'p:7',
        rootContextInfo: 'p:seven:rootContextInfo',
        later: 'later 7',
        withArgument: 'sevensevenseven',
        classRoot: 'shelf 7',
      },
    });
  });
});
