import type { TopicRow } from '../../modules/topic/topic.rows';
import { type Html, html } from './html';

/** The reader's address of a topic's page. */
export function topicPath(slug: string): string {
  return `/topics/${encodeURIComponent(slug)}`;
}

/** Links to the pages of the topics something is filed under (those readers may see); nothing when none. */
export function topicLinks(topics: readonly TopicRow[]): Html {
  if (topics.length === 0) return html``;
  const links = topics.map(
    (topic, i) => html`${i ? ', ' : ''}<a href="${topicPath(topic.slug)}" rel="tag">${topic.name}</a>`,
  );
  return html`<p class="topics">Topics: ${links}</p>`;
}
