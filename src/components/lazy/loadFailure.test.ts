import { describe, expect, it } from 'vitest';
import { isLoadFailure } from './loadFailure.ts';

describe('isLoadFailure', () => {
  it("recognises each browser's failed dynamic import, and Vite's failed CSS preload", () => {
    expect(isLoadFailure(new TypeError('Failed to fetch dynamically imported module: http://x/assets/Settings-1a2b.js'))).toBe(true);
    expect(isLoadFailure(new TypeError('error loading dynamically imported module: http://x/assets/Settings-1a2b.js'))).toBe(true);
    expect(isLoadFailure(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isLoadFailure(new Error('Unable to preload CSS for /assets/Settings-1a2b.css'))).toBe(true);
  });

  it('leaves a render error of the loaded part, and anything not an Error, to be reported as what it is', () => {
    expect(isLoadFailure(new TypeError("Cannot read properties of undefined (reading 'map')"))).toBe(false);
    expect(isLoadFailure('Failed to fetch dynamically imported module')).toBe(false);
  });
});
