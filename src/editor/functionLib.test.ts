import { describe, expect, it } from 'vitest';
import { ScopedContext } from '../../engine/src/declarative/executors/scoped-context.ts';
import { FUNCTION_CONTEXT_MEMBERS, functionLib, inputTypeOf } from './functionLib.ts';

describe('functionLib', () => {
  it("declares exactly the members of the engine's function context", () => {
    const members = Object.getOwnPropertyNames(ScopedContext.prototype).filter((name) => name !== 'constructor');
    expect([...FUNCTION_CONTEXT_MEMBERS].sort()).toEqual(members.sort());
    const lib = functionLib(undefined);
    for (const member of FUNCTION_CONTEXT_MEMBERS) expect(lib).toMatch(new RegExp(`\\b${member}\\b[(<:?]`));
  });

  it('declares input and ctx as globals of the code', () => {
    expect(functionLib('string')).toContain('declare const input: string;');
    expect(functionLib(undefined)).toContain('declare const ctx: WorkflowContext;');
  });

  it('types input from a primitive spec and falls back to any', () => {
    expect(inputTypeOf('number')).toBe('number');
    expect(inputTypeOf('object')).toBe('Record<string, any>');
    expect(inputTypeOf('array')).toBe('any[]');
    expect(inputTypeOf({ type: 'string' })).toBe('any');
    expect(inputTypeOf(undefined)).toBe('any');
  });
});
