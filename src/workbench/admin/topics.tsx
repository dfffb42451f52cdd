import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useAnnounce } from '../announcer';
import { FieldError, FormProblems, messageFor, type Problem, problemsOf, unplaced } from '../errors';
import { TextArea, TextField } from '../fields';
import { graphql } from '../gql';
import { Loading } from '../layout';

/** Lists refetched after a mutation of their type, even while empty (one object: a new one each render would refetch each render). */
const QUERY_CONTEXT = { additionalTypenames: ['Topic'] };

const AdminTopics = graphql(`
  query AdminTopics($after: String) {
    topics(first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          slug
          description
          updatedAt
        }
      }
    }
  }
`);

const AdminCreateTopic = graphql(`
  mutation AdminCreateTopic($input: CreateTopicInput!) {
    createTopic(input: $input) {
      id
      name
      slug
    }
  }
`);

const AdminUpdateTopic = graphql(`
  mutation AdminUpdateTopic($input: UpdateTopicInput!) {
    updateTopic(input: $input) {
      id
      name
      slug
      description
      updatedAt
    }
  }
`);

const AdminDeleteTopic = graphql(`
  mutation AdminDeleteTopic($input: DeleteTopicInput!) {
    deleteTopic(input: $input) {
      id
      name
    }
  }
`);

interface TopicRow {
  id: string;
  name: string;
  slug: string;
  description?: string | null;
}

/** The topics articles and claims are filed under: add, rename, describe, delete unused ones. */
export function TopicsSection() {
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AdminTopics,
    variables: { after },
    context: QUERY_CONTEXT,
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [editing, setEditing] = useState<string | null>(null);
  if (fetching && !data) return <Loading what="the topics" />;
  if (error && !data) return <FormProblems problems={problemsOf(error)} />;
  const topics = (data?.topics.edges ?? []).map((e) => e.node as TopicRow);
  const total = data?.topics.totalCount ?? 0;
  return (
    <section aria-labelledby="topics-title">
      <h2 id="topics-title" tabIndex={-1}>
        Topics
      </h2>
      <p className="notice">
        Readers see a topic’s name on its page (/topics/<em>slug</em>) once something published is filed under it. The
        slug stays when you rename it, so links hold; renaming is filing, not a correction, so it takes no note. A topic
        still filing an article or a live claim cannot be deleted: unfile it first.
      </p>
      <CreateTopicForm onCreated={reload} />
      <p className="muted">
        {total === 0 ? 'No topics yet.' : `${total} ${total === 1 ? 'topic' : 'topics'}.`}
        {total > topics.length && ` Showing ${topics.length}.`}
      </p>
      {topics.length > 0 && (
        <table>
          <caption className="visually-hidden">Topics</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Slug</th>
              <th scope="col">Description</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {topics.map((topic) =>
              editing === topic.id ? (
                <tr key={topic.id}>
                  <td colSpan={4}>
                    <EditTopicForm
                      topic={topic}
                      onDone={(saved) => {
                        setEditing(null);
                        if (saved) reload();
                        requestAnimationFrame(() =>
                          document
                            .querySelector<HTMLButtonElement>(
                              `[data-topic-id="${CSS.escape(topic.id)}"] button[data-edit]`,
                            )
                            ?.focus(),
                        );
                      }}
                    />
                  </td>
                </tr>
              ) : (
                <TopicRowView key={topic.id} topic={topic} onEdit={() => setEditing(topic.id)} onDeleted={reload} />
              ),
            )}
          </tbody>
        </table>
      )}
      {data?.topics.pageInfo.hasNextPage && (
        <p>
          <button type="button" className="secondary" onClick={() => setAfter(data.topics.pageInfo.endCursor ?? null)}>
            Next page
          </button>
        </p>
      )}
    </section>
  );
}

function TopicRowView({ topic, onEdit, onDeleted }: { topic: TopicRow; onEdit: () => void; onDeleted: () => void }) {
  const id = useId();
  const announce = useAnnounce();
  const [{ fetching }, remove] = useMutation(AdminDeleteTopic);
  const [problems, setProblems] = useState<Problem[]>([]);
  const deleteTopic = async () => {
    const result = await remove({ input: { id: topic.id } });
    if (result.error) {
      setProblems(problemsOf(result.error));
      return;
    }
    announce(`Topic ${topic.name} deleted`);
    onDeleted();
    document.getElementById('topics-title')?.focus();
  };
  const deleteError = problems.map((p) => p.message).join(' ') || undefined;
  return (
    <tr data-topic-id={topic.id}>
      <th scope="row">{topic.name}</th>
      <td className="mono">{topic.slug}</td>
      <td>{topic.description ?? <span className="muted">None</span>}</td>
      <td>
        <div className="actions compact">
          <button type="button" className="secondary" data-edit onClick={onEdit} aria-label={`Edit ${topic.name}`}>
            Edit
          </button>
          <button
            type="button"
            className="danger"
            disabled={fetching}
            onClick={() => void deleteTopic()}
            aria-label={`Delete ${topic.name}`}
            aria-describedby={deleteError ? `${id}-delete-error` : undefined}
          >
            Delete
          </button>
        </div>
        <FieldError id={`${id}-delete-error`} message={deleteError} />
      </td>
    </tr>
  );
}

function CreateTopicForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, create] = useMutation(AdminCreateTopic);
  const announce = useAnnounce();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create({ input: { name, description: description.trim() || null } });
    if (result.error) {
      setProblems(problemsOf(result.error));
      return;
    }
    setProblems([]);
    setName('');
    setDescription('');
    announce(`Topic ${result.data?.createTopic.name ?? ''} added`);
    onCreated();
  };
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby="new-topic-title">
      <h3 id="new-topic-title">Add a topic</h3>
      <TextField
        label="Name"
        hint="Unique; its page address is made from it."
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={messageFor(problems, 'name')}
        required
      />
      <TextArea
        label="Description (optional)"
        hint="What it covers, in a line or two."
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={messageFor(problems, 'description')}
        rows={2}
      />
      <FormProblems problems={unplaced(problems, ['name', 'description'])} />
      <div className="actions">
        <button type="submit" disabled={fetching}>
          {fetching ? 'Adding…' : 'Add the topic'}
        </button>
      </div>
    </form>
  );
}

function EditTopicForm({ topic, onDone }: { topic: TopicRow; onDone: (saved: boolean) => void }) {
  const [name, setName] = useState(topic.name);
  const [description, setDescription] = useState(topic.description ?? '');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, update] = useMutation(AdminUpdateTopic);
  const announce = useAnnounce();
  const box = useRef<HTMLFormElement>(null);
  useEffect(() => box.current?.querySelector('input')?.focus(), []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await update({
      input: {
        id: topic.id,
        name: name !== topic.name ? name : undefined,
        description: description !== (topic.description ?? '') ? description : undefined,
      },
    });
    if (result.error) {
      setProblems(problemsOf(result.error));
      return;
    }
    announce(`Topic ${result.data?.updateTopic.name ?? topic.name} saved`);
    onDone(true);
  };
  return (
    <form ref={box} className="stack" onSubmit={submit} noValidate aria-label={`Edit ${topic.name}`}>
      <TextField
        label="Name"
        hint={`The slug “${topic.slug}” stays, so links to its page hold.`}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={messageFor(problems, 'name')}
      />
      <TextArea
        label="Description"
        hint="Empty clears it."
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={messageFor(problems, 'description')}
        rows={2}
      />
      <FormProblems problems={unplaced(problems, ['name', 'description'])} />
      <div className="actions">
        <button type="submit" disabled={fetching}>
          {fetching ? 'Saving…' : 'Save the topic'}
        </button>
        <button type="button" className="secondary" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
