import { expect, test } from './fixtures.ts';
import { CheckpointHarnessPage } from './pages/CheckpointHarnessPage.ts';

// IndexedDbCheckpointStorage in real Chromium: checkpoints written through the codec survive a page
// reload, list oldest first, and the latest comes back with its Date and Map restored.
test.describe('IndexedDB checkpoint storage', () => {
  test('saves, survives a reload, lists and loads the latest with its Date and Map', async ({ page }) => {
    const harness = new CheckpointHarnessPage(page);
    await harness.goto();
    await harness.save('harness-0');
    await harness.save('harness-1');

    await harness.reload();
    await expect(harness.items()).toHaveCount(0); // nothing shown yet: what follows comes from IndexedDB

    await harness.list();
    await expect(harness.status).toHaveText('listed 2');
    expect(await harness.listedIds()).toEqual(['harness-0', 'harness-1']);
    await expect(harness.items()).toHaveText(['harness-0 (sequence 0, parent none)', 'harness-1 (sequence 1, parent harness-0)']);

    await harness.loadLatest();
    await expect(harness.status).toHaveText('loaded harness-1');
    await expect(harness.loadedId).toHaveText('harness-1');
    // describeValue prints `Date(...)` and `Map(...)` only for real Date and Map instances.
    await expect(harness.decodedState).toHaveText(
      '{ order: { placedAt: Date(2024-05-06T07:08:09.010Z), items: Map("tea" => 2, "cake" => 2) } }',
    );
    // What IndexedDB holds is plain JSON with the codec's tags, not structured-cloned Dates and Maps.
    const stored = JSON.parse((await harness.storedState.textContent()) ?? '') as unknown;
    expect(stored).toEqual({
      order: {
        placedAt: { $type: 'Date', value: '2024-05-06T07:08:09.010Z' },
        items: {
          $type: 'Map',
          value: [
            ['tea', 2],
            ['cake', 2],
          ],
        },
      },
    });
    await expect(harness.error).toBeHidden();
  });

  test('loading with nothing saved reports it instead of failing', async ({ page }) => {
    const harness = new CheckpointHarnessPage(page);
    await harness.goto();
    await harness.loadLatest();
    await expect(harness.status).toHaveText('no checkpoints');
    await harness.list();
    await expect(harness.status).toHaveText('listed 0');
    await expect(harness.items()).toHaveCount(0);
  });
});
