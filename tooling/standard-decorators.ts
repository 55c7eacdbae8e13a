import ts from 'typescript';
import type { Plugin } from 'vite';

/**
 * Vite 8 transforms TypeScript with Oxc, which does not lower standard (TC39 2023) decorators, and
 * Node 20 cannot run them natively. This plugin hands the few files that use a decorator to the
 * TypeScript compiler (the same one `tsc` uses for the engine's build) before Oxc sees them.
 */
// A false positive (an `@name` in a comment) only costs a slower transform, never a wrong one.
const DECORATOR = /(^|[\s{;(])@[A-Za-z_$][\w$.]*/m;

export function standardDecorators(): Plugin {
  return {
    name: 'trellis:standard-decorators',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!/\.(m|c)?tsx?$/.test(file) || file.includes('/node_modules/')) return null;
      if (!DECORATOR.test(code)) return null;
      const out = ts.transpileModule(code, {
        fileName: file,
        compilerOptions: {
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.ESNext,
          jsx: ts.JsxEmit.ReactJSX,
          sourceMap: true,
          verbatimModuleSyntax: false,
          experimentalDecorators: false,
        },
      });
      return { code: out.outputText, map: out.sourceMapText ?? null };
    },
  };
}
