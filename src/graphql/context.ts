// Moved: the context type is src/app/context.ts; this re-export goes once every importer is updated.
export type { AppContext } from '../app/context';
export type { Loaders, Services } from '../app/context';
