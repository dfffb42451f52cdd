import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Topics1796400000003 } from '../../migrations/1796400000003-Topics';
import { Role } from '../../src/modules/user/user.entity';
import { fingerprint } from '../helpers/fingerprint';
import { Newsroom } from '../helpers/newsroom';
import { startTestServer, type TestServer } from '../helpers/test-app';

/** Topics on a database with a story: rolled back and forth, every other row stays, and filing works again. */
describe('the Topics migration', () => {
  let server: TestServer;
  let room: Newsroom;

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    room = new Newsroom(server);
  });
  afterAll(() => server.close());

  it('rolls back and forth keeping every row, and topics work afterwards', async () => {
    const editor = await server.signIn(Role.EDITOR);
    const reviewer = await server.signIn(Role.REVIEWER);
    const story = await room.publishedStory(editor, reviewer, 'story', 'Exports doubled last year.', 'Exports doubled');
    const before = await fingerprint(server);
    const runner = server.db.write.createQueryRunner();
    try {
      await server.db.writes.run(async () => {
        await new Topics1796400000003().down(runner);
        await new Topics1796400000003().up(runner);
      });
    } finally {
      await runner.release();
    }
    expect(await fingerprint(server)).toBe(before);
    const topic = await room.mutate('createTopic', 'CreateTopicInput', { name: 'Trade' }, editor, 'id');
    await room.mutate(
      'setArticleTopics',
      'SetArticleTopicsInput',
      { articleId: story.articleId, topicIds: [topic.id] },
      editor,
      'id',
    );
    expect(await room.ok(`{ topic(slug: "trade") { name } }`, {})).toEqual({ topic: { name: 'Trade' } });
  });
});
