import { InProcessEngineClient } from '../in-process-engine-client.ts';
import { describeEngineClientContract } from './engine-client-contract.ts';

describeEngineClientContract(
  'InProcessEngineClient',
  (createStorage) =>
    new InProcessEngineClient({
      // As in the app, the engine comes from a dynamic import when first needed.
      loadHost: async (post) => {
        const { EngineHost } = await import('../engine-host.ts');
        return new EngineHost({ post, createStorage });
      },
    }),
);
