import type express from 'express';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
  rawPath?: string;
  slash?: boolean;
}

/**
 * Every route the express app answers, as `METHOD /path` (`USE /path` for middleware mounted
 * on a path), walking mounted routers: what a reader could ask besides GraphQL.
 */
export function expressRoutes(app: express.Express): string[] {
  const routes = new Set<string>();
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods))
          routes.add(`${method.toUpperCase()} ${prefix}${layer.route.path}`);
      } else if (layer.handle.stack) {
        walk(layer.handle.stack, layer.slash || !layer.rawPath ? prefix : `${prefix}${layer.rawPath}`);
      } else if (layer.rawPath && !layer.slash) {
        routes.add(`USE ${prefix}${layer.rawPath}`);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return [...routes].sort();
}
