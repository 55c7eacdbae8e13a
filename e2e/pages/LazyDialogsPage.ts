import type { Locator, Page, Request } from '@playwright/test';

/** The dialogs whose code is loaded when they are first opened, and the requests for their chunks. */
export class LazyDialogsPage {
  /** Every script URL the page requested, in order. */
  readonly scripts: string[] = [];

  constructor(readonly page: Page) {
    page.on('request', (request: Request) => {
      if (request.resourceType() === 'script') this.scripts.push(new URL(request.url()).pathname);
    });
  }

  /** Whether a chunk whose file name starts with `name-` was requested. */
  requested(name: string): boolean {
    return this.scripts.some((path) => path.split('/').at(-1)?.startsWith(`${name}-`) === true);
  }

  /** Makes every request for the chunk `name` fail, as when offline or after a deployment removed it. */
  async breakChunk(name: string): Promise<void> {
    await this.page.route(new RegExp(`/assets/${name}-[^/]+\\.js$`), (route) => route.abort('failed'));
  }

  toolbarButton(name: 'settings' | 'workflows'): Locator {
    return this.page.getByTestId(`toolbar.${name}`);
  }

  loadError(testId: string): Locator {
    return this.page.getByTestId(`${testId}.load-error`);
  }
}
