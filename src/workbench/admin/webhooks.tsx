import { type FormEvent, useEffect, useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useAnnounce } from '../announcer';
import { FieldError, FormProblems, messageFor, type Problem, problemsOf, unplaced } from '../errors';
import { TextField } from '../fields';
import { graphql } from '../gql';
import type { NewsroomEventType } from '../gql/graphql';
import { Loading } from '../layout';
import { When } from '../status';
import { SecretBox } from './common';

/** Lists refetched after a mutation of their type, even while empty (one object: a new one each render would refetch each render). */
const QUERY_CONTEXT = { additionalTypenames: ['WebhookEndpoint'] };

const AdminWebhookEndpoints = graphql(`
  query AdminWebhookEndpoints {
    webhookEndpoints {
      id
      url
      description
      status
      eventTypes
      createdAt
      deliveredThroughEventId
      failedAttempts
      failingSince
      nextAttemptAt
      deliveries(first: 20) {
        id
        eventId
        attempt
        attemptedAt
        statusCode
        error
        succeeded
        redelivery
        latencyMs
      }
    }
  }
`);

const AdminCreateWebhookEndpoint = graphql(`
  mutation AdminCreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      secret
      endpoint {
        id
        url
      }
    }
  }
`);

const AdminUpdateWebhookEndpoint = graphql(`
  mutation AdminUpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) {
      secret
      endpoint {
        id
        url
        description
        status
        eventTypes
      }
    }
  }
`);

const AdminDeleteWebhookEndpoint = graphql(`
  mutation AdminDeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {
    deleteWebhookEndpoint(input: $input) {
      deletedEndpointId
    }
  }
`);

const AdminRedeliverWebhookEvent = graphql(`
  mutation AdminRedeliverWebhookEvent($input: RedeliverWebhookEventInput!) {
    redeliverWebhookEvent(input: $input) {
      id
      status
    }
  }
`);

const AdminReplayWebhookEvents = graphql(`
  mutation AdminReplayWebhookEvents($input: ReplayWebhookEventsInput!) {
    replayWebhookEvents(input: $input) {
      id
      status
      deliveredThroughEventId
    }
  }
`);

const EVENT_WORDS = {
  ARTICLE_PUBLISHED: 'Article published',
  ARTICLE_CORRECTED: 'Article corrected',
  ARTICLE_WITHDRAWN: 'Article withdrawn',
  APPEARANCE_ADDED: 'Claim found in another place',
  FACT_CHECK_PUBLISHED: 'Fact-check published',
  FACT_CHECK_CORRECTED: 'Fact-check corrected',
  FACT_CHECK_RETRACTED: 'Fact-check retracted',
  CLAIM_VERDICT_CHANGED: 'Claim verdict changed',
} as const;
type EventType = keyof typeof EVENT_WORDS;
const EVENT_TYPES = Object.keys(EVENT_WORDS) as EventType[];
/** The events an endpoint can be sent: the public ones (staff events never leave the newsroom). */
const isDeliverable = (type: NewsroomEventType): type is EventType => type in EVENT_WORDS;

const STATUS_WORDS = { ACTIVE: 'Active', FAILING: 'Failing', DISABLED: 'Disabled' } as const;

/** How often the delivery log is read again while the section is open. */
const LOG_REFRESH_MS = 5000;

/** Where the event log goes as signed webhooks: endpoints, their state and delivery log. */
export function WebhooksSection() {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AdminWebhookEndpoints,
    context: QUERY_CONTEXT,
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  useEffect(() => {
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), LOG_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refetch]);
  const [secret, setSecret] = useState<{ title: string; value: string } | null>(null);
  if (fetching && !data) return <Loading what="the webhook endpoints" />;
  if (error && !data) return <FormProblems problems={problemsOf(error)} />;
  const endpoints = data?.webhookEndpoints ?? [];
  const showSecret = (title: string, value: string) => {
    setSecret({ title, value });
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="secret-box"] button')?.focus());
  };
  return (
    <section aria-labelledby="webhooks-title">
      <h2 id="webhooks-title" tabIndex={-1}>
        Webhooks
      </h2>
      <p className="notice">
        Endpoints receive what readers can see, as it happens: signed POSTs (Standard Webhooks) of the event types they
        ask for, in order, at least once. Verify each with the signing secret, shown once when made or rotated. After a
        day of failures an endpoint is Failing: enable it again or replay from an event.
      </p>
      {secret && (
        <SecretBox
          title={secret.title}
          secret={secret.value}
          onDone={() => {
            setSecret(null);
            document.getElementById('webhooks-title')?.focus();
          }}
        />
      )}
      <CreateEndpointForm
        onCreated={(value) => {
          reload();
          showSecret('The new endpoint’s signing secret', value);
        }}
      />
      <h3>Endpoints</h3>
      {endpoints.length === 0 && <p className="muted">No endpoints yet.</p>}
      {endpoints.map((endpoint) => (
        <EndpointCard
          key={endpoint.id}
          endpoint={endpoint}
          onChanged={reload}
          onSecret={(value) => showSecret(`The new signing secret of ${endpoint.url}`, value)}
        />
      ))}
    </section>
  );
}

function EventTypesField({
  value,
  onChange,
  error,
}: {
  value: EventType[];
  onChange: (next: EventType[]) => void;
  error?: string;
}) {
  const id = useId();
  return (
    <fieldset
      className="field event-types"
      aria-describedby={error ? `${id}-error` : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>Event types</legend>
      <div className="checks">
        {EVENT_TYPES.map((type) => (
          <label key={type} className="check">
            <input
              type="checkbox"
              checked={value.includes(type)}
              onChange={(e) => onChange(e.target.checked ? [...value, type] : value.filter((t) => t !== type))}
            />{' '}
            {EVENT_WORDS[type]}
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

function CreateEndpointForm({ onCreated }: { onCreated: (secret: string) => void }) {
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [types, setTypes] = useState<EventType[]>(['FACT_CHECK_PUBLISHED', 'CLAIM_VERDICT_CHANGED']);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, create] = useMutation(AdminCreateWebhookEndpoint);
  const announce = useAnnounce();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create({
      input: { url: url.trim(), description: description.trim() || null, eventTypes: types },
    });
    if (result.error || !result.data) {
      setProblems(problemsOf(result.error));
      return;
    }
    setProblems([]);
    setUrl('');
    setDescription('');
    announce('Endpoint added. Copy its signing secret now: it is shown once.');
    onCreated(result.data.createWebhookEndpoint.secret);
  };
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby="new-endpoint-title">
      <h3 id="new-endpoint-title">Add an endpoint</h3>
      <TextField
        label="URL"
        type="url"
        hint="An https address on the internet (internal addresses are refused when delivering)."
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={messageFor(problems, 'url')}
        required
      />
      <TextField
        label="Description (optional)"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={messageFor(problems, 'description')}
      />
      <EventTypesField value={types} onChange={setTypes} error={messageFor(problems, 'eventTypes')} />
      <FormProblems problems={unplaced(problems, ['url', 'description', 'eventTypes'])} />
      <div className="actions">
        <button type="submit" disabled={fetching}>
          {fetching ? 'Adding…' : 'Add the endpoint'}
        </button>
      </div>
    </form>
  );
}

interface Endpoint {
  id: string;
  url: string;
  description?: string | null;
  status: keyof typeof STATUS_WORDS;
  eventTypes: NewsroomEventType[];
  createdAt: string;
  deliveredThroughEventId: string;
  failedAttempts: number;
  failingSince?: string | null;
  nextAttemptAt?: string | null;
  deliveries: {
    id: string;
    eventId: string;
    attempt: number;
    attemptedAt: string;
    statusCode?: number | null;
    error?: string | null;
    succeeded: boolean;
    redelivery: boolean;
    latencyMs: number;
  }[];
}

function EndpointCard({
  endpoint,
  onChanged,
  onSecret,
}: {
  endpoint: Endpoint;
  onChanged: () => void;
  onSecret: (secret: string) => void;
}) {
  const id = useId();
  const announce = useAnnounce();
  const [, update] = useMutation(AdminUpdateWebhookEndpoint);
  const [, remove] = useMutation(AdminDeleteWebhookEndpoint);
  const [, redeliver] = useMutation(AdminRedeliverWebhookEvent);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [fromEvent, setFromEvent] = useState('');

  const act = async (run: () => Promise<{ error?: Parameters<typeof problemsOf>[0] }>, done: string) => {
    const result = await run();
    if (result.error) {
      setProblems(problemsOf(result.error));
      return false;
    }
    setProblems([]);
    announce(done);
    onChanged();
    return true;
  };
  const setEnabled = (enabled: boolean) =>
    act(() => update({ input: { id: endpoint.id, enabled } }), enabled ? 'Endpoint enabled' : 'Endpoint disabled');
  const rotate = async () => {
    const result = await update({ input: { id: endpoint.id, rotateSecret: true } });
    if (result.error) return setProblems(problemsOf(result.error));
    setProblems([]);
    announce('Signing secret rotated. Copy the new one now: it is shown once.');
    if (result.data?.updateWebhookEndpoint.secret) onSecret(result.data.updateWebhookEndpoint.secret);
  };
  const deleteEndpoint = async () => {
    if (await act(() => remove({ input: { id: endpoint.id } }), 'Endpoint deleted'))
      document.getElementById('webhooks-title')?.focus();
  };
  const redeliverEvent = (eventId: string) =>
    act(() => redeliver({ input: { endpointId: endpoint.id, eventId } }), `Event ${eventId} will be delivered again`);
  const [, replay] = useMutation(AdminReplayWebhookEvents);
  const replayFrom = (event: FormEvent) => {
    event.preventDefault();
    void act(
      () => replay({ input: { endpointId: endpoint.id, fromEventId: fromEvent.trim() } }),
      `Events from ${fromEvent.trim()} on will be delivered again`,
    );
  };
  const titleId = `${id}-title`;
  return (
    <article className="card endpoint" aria-labelledby={titleId} data-endpoint-id={endpoint.id}>
      <header className="endpoint-head">
        <h4 id={titleId} className="mono">
          {endpoint.url}
        </h4>
        <span className={`badge hook-${endpoint.status.toLowerCase()}`}>{STATUS_WORDS[endpoint.status]}</span>
      </header>
      {endpoint.description && <p>{endpoint.description}</p>}
      <dl className="facts">
        <dt>Event types</dt>
        <dd>
          {endpoint.eventTypes
            .filter(isDeliverable)
            .map((t) => EVENT_WORDS[t])
            .join(', ')}
        </dd>
        <dt>Delivered through event</dt>
        <dd className="mono">{endpoint.deliveredThroughEventId}</dd>
        {endpoint.failedAttempts > 0 && (
          <>
            <dt>Failed attempts at the next event</dt>
            <dd>
              {endpoint.failedAttempts}
              {endpoint.failingSince && (
                <>
                  , failing since <When at={endpoint.failingSince} />
                </>
              )}
              {endpoint.nextAttemptAt && (
                <>
                  ; next attempt <When at={endpoint.nextAttemptAt} />
                </>
              )}
            </dd>
          </>
        )}
        <dt>Added</dt>
        <dd>
          <When at={endpoint.createdAt} />
        </dd>
      </dl>
      <FormProblems problems={problems} />
      <div className="actions">
        {endpoint.status === 'DISABLED' || endpoint.status === 'FAILING' ? (
          <button type="button" onClick={() => void setEnabled(true)}>
            Enable
          </button>
        ) : (
          <button type="button" className="secondary" onClick={() => void setEnabled(false)}>
            Disable
          </button>
        )}
        <button type="button" className="secondary" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          Edit
        </button>
        <button type="button" className="secondary" onClick={() => void rotate()}>
          Rotate the secret
        </button>
        {!confirmDelete ? (
          <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
            Delete
          </button>
        ) : (
          <span className="confirm" role="group" aria-label="Confirm deleting">
            <span>Delete this endpoint for good? It stops receiving events at once.</span>{' '}
            <button type="button" className="danger" autoFocus onClick={() => void deleteEndpoint()}>
              Yes, delete
            </button>{' '}
            <button type="button" className="secondary" onClick={() => setConfirmDelete(false)}>
              Keep it
            </button>
          </span>
        )}
      </div>
      {editing && (
        <EditEndpointForm
          endpoint={endpoint}
          onDone={(saved) => {
            setEditing(false);
            if (saved) onChanged();
          }}
        />
      )}
      <h5 id={`${id}-log`}>Delivery log</h5>
      {endpoint.deliveries.length === 0 ? (
        <p className="muted">Nothing delivered yet.</p>
      ) : (
        <table aria-labelledby={`${id}-log`} className="delivery-log">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Event</th>
              <th scope="col">Attempt</th>
              <th scope="col">Status code</th>
              <th scope="col">Outcome</th>
              <th scope="col">Took</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {endpoint.deliveries.map((d) => (
              <tr key={d.id}>
                <td>
                  <When at={d.attemptedAt} />
                </td>
                <td className="mono">{d.eventId}</td>
                <td>
                  {d.attempt}
                  {d.redelivery && ' (asked again)'}
                </td>
                <td>{d.statusCode ?? '—'}</td>
                <td>
                  <span className={d.succeeded ? 'outcome ok' : 'outcome failed'}>
                    {d.succeeded ? 'Delivered' : 'Failed'}
                  </span>
                  {d.error && <span className="delivery-error"> {d.error}</span>}
                </td>
                <td>{d.latencyMs} ms</td>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() => void redeliverEvent(d.eventId)}
                    aria-label={`Deliver event ${d.eventId} again`}
                  >
                    Deliver again
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="replay" onSubmit={replayFrom} noValidate>
        <TextField
          label="Replay from event"
          hint="Every event from this id on is delivered again, in order."
          value={fromEvent}
          onChange={(e) => setFromEvent(e.target.value)}
          error={messageFor(problems, 'fromEventId')}
          inputMode="numeric"
        />
        <button type="submit" className="secondary" disabled={!fromEvent.trim()}>
          Replay
        </button>
      </form>
    </article>
  );
}

function EditEndpointForm({ endpoint, onDone }: { endpoint: Endpoint; onDone: (saved: boolean) => void }) {
  const [url, setUrl] = useState(endpoint.url);
  const [description, setDescription] = useState(endpoint.description ?? '');
  const [types, setTypes] = useState<EventType[]>(endpoint.eventTypes.filter(isDeliverable));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, update] = useMutation(AdminUpdateWebhookEndpoint);
  const announce = useAnnounce();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await update({
      input: { id: endpoint.id, url: url.trim(), description: description.trim(), eventTypes: types },
    });
    if (result.error) return setProblems(problemsOf(result.error));
    announce('Endpoint saved');
    onDone(true);
  };
  return (
    <form className="stack edit-endpoint" onSubmit={submit} noValidate aria-label={`Edit ${endpoint.url}`}>
      <TextField
        label="URL"
        type="url"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={messageFor(problems, 'url')}
        autoFocus
      />
      <TextField
        label="Description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={messageFor(problems, 'description')}
      />
      <EventTypesField value={types} onChange={setTypes} error={messageFor(problems, 'eventTypes')} />
      <FormProblems problems={unplaced(problems, ['url', 'description', 'eventTypes'])} />
      <div className="actions">
        <button type="submit" disabled={fetching}>
          {fetching ? 'Saving…' : 'Save the endpoint'}
        </button>
        <button type="button" className="secondary" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
