// monaco-yaml's language server, started by Vite as a module worker (`./yaml.worker.ts?worker`).
import 'monaco-yaml/yaml.worker.js';
