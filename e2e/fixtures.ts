import { test as base, expect } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';
import { FilesPage } from './pages/FilesPage.ts';
import { RunPanelPage } from './pages/RunPanelPage.ts';

interface Fixtures {
  runPanel: RunPanelPage;
  designer: DesignerPage;
  files: FilesPage;
  /** Uncaught page errors and `console.error` messages; every test ends by asserting there were none. */
  pageProblems: string[];
}

export const test = base.extend<Fixtures>({
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
      });
      await use(problems);
      expect(problems, 'page errors or console errors').toEqual([]);
    },
    { auto: true },
  ],
  runPanel: async ({ page }, use) => {
    await use(new RunPanelPage(page));
  },
  designer: async ({ page }, use) => {
    await use(new DesignerPage(page));
  },
  files: async ({ page }, use) => {
    await use(new FilesPage(page));
  },
});

export { expect };
