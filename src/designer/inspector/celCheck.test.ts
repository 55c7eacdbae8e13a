import { describe, expect, it } from 'vitest';
import { CONDITION_VARIABLES } from '../../../engine/src/declarative/compile-edges.ts';
import { TRANSFORM_VARIABLES } from '../../../engine/src/declarative/executors/transform.ts';
import { celFieldError, CONDITION_CEL_VARIABLES, describePosition, positionAt, TRANSFORM_CEL_VARIABLES } from './celCheck.ts';

describe('celFieldError', () => {
  it('uses the variables the engine compiles with', () => {
    expect(TRANSFORM_CEL_VARIABLES).toEqual(TRANSFORM_VARIABLES);
    expect(CONDITION_CEL_VARIABLES).toEqual(CONDITION_VARIABLES);
  });

  it('accepts expressions that compile, and an empty field', () => {
    expect(celFieldError('{"text": input, "long": size(input) > 200}', TRANSFORM_CEL_VARIABLES)).toBeUndefined();
    expect(celFieldError('message.score > 0.8 && state.count < 3', CONDITION_CEL_VARIABLES)).toBeUndefined();
    expect(celFieldError('', CONDITION_CEL_VARIABLES)).toBeUndefined();
    expect(celFieldError('  \n', CONDITION_CEL_VARIABLES)).toBeUndefined();
  });

  it('reports a parse error with its column, without repeating the expression', () => {
    expect(celFieldError('size(input) >', TRANSFORM_CEL_VARIABLES)).toEqual({
      message: 'Does not parse: Unexpected token: EOF',
      line: 1,
      column: 14,
    });
  });

  it('reports a variable the field does not see (a transform has no `message`)', () => {
    const error = celFieldError('message.urgent', TRANSFORM_CEL_VARIABLES);
    expect(error?.message).toMatch(/Unknown variable: message/);
    expect(celFieldError('message.urgent', CONDITION_CEL_VARIABLES)).toBeUndefined();
  });

  it('places an error on a later line of a multi-line expression', () => {
    const text = 'input.x ==\n  (1 +';
    const error = celFieldError(text, TRANSFORM_CEL_VARIABLES);
    expect(error).toMatchObject({ line: 2, column: 7 });
    expect(describePosition(error!, text)).toBe('line 2, column 7');
  });
});

describe('positionAt', () => {
  it('answers 1-based lines and columns, clamping the offset', () => {
    expect(positionAt('abc', 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(positionAt('ab', 99)).toEqual({ line: 1, column: 3 });
  });
});
