/**
 * The deployed model, held by the training worker (which has the tfjs backend): import a bundle
 * (validated before anything runs, golden rows checked on this backend), predict a table with it,
 * and load it again after a reload.
 */
import { validateBundle } from '../core/deploy/validate';
import { createPredictor, type Predictor } from '../core/deploy/predictor';
import { predictionsCsv } from '../core/deploy/predictionsCsv';
import { loadDeployed, saveDeployed } from './modelStore';
import { useBackend } from './backend';
import type { DeployApi, DeployedInfo } from './protocol';

export function createDeployApi(): Pick<DeployApi, 'importBundle' | 'deployed' | 'predictTable'> {
  let current: { predictor: Predictor; info: DeployedInfo } | undefined;
  let restoring: Promise<void> | undefined;

  let backend: Promise<unknown> | undefined;

  async function install(
    bytes: Uint8Array,
    fileName: string,
  ): Promise<{ ok: true; info: DeployedInfo } | { ok: false; message: string }> {
    // The same backend choice as training ('auto': the fastest here), made before any tensor exists.
    await (backend ??= useBackend('auto'));
    const v = await validateBundle(bytes);
    if (!v.ok) {
      const where = v.error.file ? `${v.error.file}: ` : '';
      return { ok: false, message: `${fileName} was not loaded (${v.error.check}): ${where}${v.error.message}` };
    }
    let predictor: Predictor;
    try {
      predictor = await createPredictor(v.bundle);
    } catch (e) {
      return { ok: false, message: `${fileName} was not loaded: ${e instanceof Error ? e.message : String(e)}` };
    }
    const experiment = (v.bundle.experiment ?? {}) as { data?: { name?: string }; ran?: { createdAt?: string } };
    current?.predictor.dispose();
    const info: DeployedInfo = {
      fileName,
      ...predictor.info,
      dataName: experiment.data?.name,
      trainedAt: experiment.ran?.createdAt ?? v.manifest.createdAt,
      goldenRows: v.golden?.rows ?? 0,
      metrics: v.bundle.metrics,
    };
    current = { predictor, info };
    return { ok: true, info };
  }

  async function restore(): Promise<void> {
    restoring ??= (async () => {
      if (current) return;
      const bytes = await loadDeployed();
      if (bytes) await install(bytes, 'the deployed model');
    })();
    return restoring;
  }

  return {
    async importBundle(bytes, fileName) {
      const out = await install(bytes, fileName);
      if (out.ok) {
        const notSaved = await saveDeployed(bytes);
        if (notSaved) out.info.warning = notSaved;
      }
      return out;
    },
    async deployed() {
      await restore();
      return current?.info;
    },
    async predictTable(table) {
      await restore();
      if (!current) throw new Error('No model is deployed: import a bundle (.zip) first.');
      const { predictor, info } = current;
      const outcome = predictor.predictTable(table);
      const csv = predictionsCsv(table, outcome, info.target, { threshold: info.threshold });
      return { ...outcome, csv };
    },
  };
}
