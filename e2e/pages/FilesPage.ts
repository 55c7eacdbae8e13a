import { readFile } from 'node:fs/promises';
import type { Download, JSHandle, Locator, Page } from '@playwright/test';

/** A file the page receives in a drag: its name and its content (text, or raw bytes). */
export interface DraggedFile {
  name: string;
  content: string | number[];
  type?: string;
}

/** A finished download: its suggested name and its bytes. */
export interface DownloadedFile {
  name: string;
  bytes: Buffer;
  text: string;
}

/** The File menu, file drops, the notices and the Workflows dialog. */
export class FilesPage {
  readonly fileButton: Locator;
  readonly menu: Locator;
  readonly input: Locator;
  readonly notices: Locator;
  readonly dropOverlay: Locator;
  readonly workflowsButton: Locator;
  readonly dialog: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.fileButton = page.getByTestId('toolbar.file');
    this.menu = page.getByTestId('files.menu');
    this.input = page.getByTestId('files.input');
    this.notices = page.getByTestId('notices.item');
    this.dropOverlay = page.getByTestId('files.drop-overlay');
    this.workflowsButton = page.getByTestId('toolbar.workflows');
    this.dialog = page.getByTestId('workflows.dialog');
    this.rows = this.dialog.getByTestId('workflows.row');
  }

  menuItem(action: 'open' | 'download-yaml' | 'export-mermaid' | 'export-svg' | 'export-png'): Locator {
    return this.page.getByTestId(`files.menu.${action}`);
  }

  /** The notice with exactly this message (or one matching the pattern). */
  notice(message: string | RegExp): Locator {
    return this.notices.filter({ has: this.page.getByTestId('notices.message').getByText(message, { exact: true }) });
  }

  /** File → Open…, answering the file chooser with a file from disk. */
  async openWithPicker(path: string): Promise<void> {
    await this.fileButton.click();
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), this.menuItem('open').click()]);
    await chooser.setFiles(path);
  }

  /** Waits for the download `trigger` starts, and reads it. */
  async download(trigger: () => Promise<void>): Promise<DownloadedFile> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), trigger()]);
    return read(download);
  }

  /** Chooses a File menu item that downloads, and reads the download. */
  async downloadFromMenu(action: 'download-yaml' | 'export-mermaid' | 'export-svg' | 'export-png'): Promise<DownloadedFile> {
    return this.download(async () => {
      await this.fileButton.click();
      await this.menuItem(action).click();
    });
  }

  /** A `DataTransfer` holding these files, built in the page (as the browser builds one for a drag from the desktop). */
  async dataTransferOf(files: DraggedFile[]): Promise<JSHandle<DataTransfer>> {
    return this.page.evaluateHandle((entries) => {
      const transfer = new DataTransfer();
      for (const entry of entries) {
        const content = typeof entry.content === 'string' ? entry.content : new Uint8Array(entry.content);
        transfer.items.add(new File([content], entry.name, { type: entry.type ?? '' }));
      }
      return transfer;
    }, files);
  }

  /** Drags a transfer onto an element: `dragenter` and `dragover`, without dropping yet. */
  async dragOver(target: Locator, dataTransfer: JSHandle<DataTransfer>): Promise<void> {
    await target.dispatchEvent('dragenter', { dataTransfer });
    await target.dispatchEvent('dragover', { dataTransfer });
  }

  /** Drops files onto an element, as a drag from the desktop ends. */
  async dropFiles(target: Locator, files: DraggedFile[]): Promise<void> {
    const dataTransfer = await this.dataTransferOf(files);
    await this.dragOver(target, dataTransfer);
    await target.dispatchEvent('drop', { dataTransfer });
  }

  async openWorkflows(): Promise<void> {
    await this.workflowsButton.click();
    await this.dialog.waitFor();
  }

  /** The Workflows row with exactly this title. */
  row(title: string): Locator {
    return this.rows.filter({ has: this.page.getByTestId('workflows.title').getByText(title, { exact: true }) });
  }

  /** The Workflows row of this stored workflow (also while it is being renamed). */
  rowById(id: string): Locator {
    return this.rows.and(this.page.locator(`[data-workflow-id="${id}"]`));
  }

  /** The titles in the Workflows list, top to bottom. */
  async titles(): Promise<string[]> {
    return this.rows.getByTestId('workflows.title').allTextContents();
  }

  /** The title of the row marked as open. */
  openRow(): Locator {
    return this.rows.filter({ has: this.page.getByTestId('workflows.current') });
  }
}

async function read(download: Download): Promise<DownloadedFile> {
  const bytes = await readFile(await download.path());
  return { name: download.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}
