import { InitialSchema1795828043811 } from './1795828043811-InitialSchema';

/** Every migration in order. Landed migrations are never edited; each has a down(). */
export const MIGRATIONS = [InitialSchema1795828043811];
