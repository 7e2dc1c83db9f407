// A feature (`src/features/<name>/`) may not import from another feature: what two features share belongs in
// `components/` or `lib/`, and `app/` wires features together (e.g. the method registry, `app/method-uis.ts`),
// so the generic enrollment never depends on a method. A local rule rather than a plugin: it is a dozen lines,
// and it resolves relative paths, which `no-restricted-imports` patterns cannot do per importing folder.
import path from 'node:path';

const featureOf = (file) => /[\\/]src[\\/]features[\\/]([^\\/]+)[\\/]/.exec(file)?.[1];

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Forbids imports from one feature folder into another.' },
    messages: {
      crossFeature:
        "features/{{from}} may not import from features/{{to}}: move the shared code to components/ or lib/, or wire it in app/.",
    },
    schema: [],
  },
  create(context) {
    const from = featureOf(context.filename);
    if (from === undefined) return {};
    const check = (source) => {
      if (source?.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const to = featureOf(`${path.resolve(path.dirname(context.filename), source.value)}/`);
      if (to !== undefined && to !== from) context.report({ node: source, messageId: 'crossFeature', data: { from, to } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};
