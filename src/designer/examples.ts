/** One entry of `public/examples/index.json`. */
export interface ExampleEntry {
  readonly file: string;
  readonly title: string;
  readonly description: string;
}

function isEntry(value: unknown): value is ExampleEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.file === 'string' && typeof entry.title === 'string' && typeof entry.description === 'string';
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${String(response.status)} ${response.statusText}`);
  return response;
}

/** The bundled examples, as listed in `/examples/index.json`. */
export async function fetchExampleIndex(): Promise<ExampleEntry[]> {
  const data: unknown = await (await fetchOk('/examples/index.json')).json();
  if (!Array.isArray(data)) throw new Error('/examples/index.json is not a list');
  return data.filter(isEntry);
}

/** The YAML text of one bundled example. */
export async function fetchExample(file: string): Promise<string> {
  return (await fetchOk(`/examples/${encodeURIComponent(file)}`)).text();
}

/** The gallery's first example, to open on a first visit (undefined when the gallery is empty). */
export async function fetchFirstExample(): Promise<{ yamlText: string; title: string } | undefined> {
  const [first] = await fetchExampleIndex();
  if (first === undefined) return undefined;
  return { yamlText: await fetchExample(first.file), title: first.title };
}
