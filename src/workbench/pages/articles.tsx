import { useState } from 'react';
import { useQuery } from 'urql';
import { FormProblems, problemsOf } from '../errors';
import { SelectField, TextField } from '../fields';
import { graphql } from '../gql';
import type { ArticleStatus } from '../gql/graphql';
import { Loading, PageTitle } from '../layout';
import { href, Link } from '../router';
import './article.css';

const ArticlesForWorkbench = graphql(`
  query ArticlesForWorkbench($status: ArticleStatus) {
    articles(first: 100, filter: { status: $status }) {
      totalCount
      edges {
        node {
          id
          headline
          status
          publishedAt
          claimCount
          section
        }
      }
    }
  }
`);

/** The articles, to open one and mark its claims: by status, narrowed by words of the headline. */
export function ArticlesPage() {
  const [status, setStatus] = useState<ArticleStatus>('PUBLISHED');
  const [words, setWords] = useState('');
  const [{ data, fetching, error }] = useQuery({ query: ArticlesForWorkbench, variables: { status } });
  const all = data?.articles.edges.map((e) => e.node) ?? [];
  const needle = words.trim().toLowerCase();
  const shown = needle ? all.filter((a) => a.headline.toLowerCase().includes(needle)) : all;
  return (
    <div className="wb-article-pages">
      <PageTitle>Articles</PageTitle>
      <div className="grid articles-filter">
        <SelectField label="Status" value={status} onChange={(e) => setStatus(e.target.value as ArticleStatus)}>
          <option value="PUBLISHED">Published</option>
          <option value="DRAFT">Draft</option>
          <option value="ARCHIVED">Archived</option>
        </SelectField>
        <TextField
          label="Headline contains"
          type="search"
          value={words}
          onChange={(e) => setWords(e.target.value)}
          autoComplete="off"
        />
      </div>
      <FormProblems problems={problemsOf(error)} />
      {fetching && !data ? (
        <Loading what="articles" />
      ) : shown.length === 0 ? (
        <p className="muted">No article matches.</p>
      ) : (
        <ul className="list card">
          {shown.map((article) => (
            <li key={article.id}>
              <Link to={href.article(article.id)}>{article.headline}</Link>{' '}
              <span className="muted">
                · {article.claimCount} claim{article.claimCount === 1 ? '' : 's'}
                {article.section && ` · ${article.section}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {data && data.articles.totalCount > all.length && (
        <p className="muted">
          The {all.length} newest of {data.articles.totalCount} are listed.
        </p>
      )}
    </div>
  );
}
