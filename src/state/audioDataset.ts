/**
 * Installing an audio-derived table (the feature table, or features joined onto the CSV) as
 * the app's dataset, the way the main store's loadFile installs a CSV: same setup fields
 * (target, task, features, types), the previous run cleared, everything persisted.
 */
import type { LoadedDataset } from '../workers/protocol';
import { remove, save } from './persist';
import { useStore, type AppState, type Setup, type Task } from './store';

function taskFor(ds: LoadedDataset, target: string | undefined): Task {
  const i = ds.profiles.findIndex((p) => p.name === target);
  return i >= 0 ? (ds.taskByColumn[i] ?? 'regression') : 'regression';
}

/**
 * Make `ds` the dataset. The current target is kept when the new table still has it (a join
 * keeps the CSV's columns); otherwise the suggested target is used.
 */
export async function installDataset(ds: LoadedDataset): Promise<void> {
  const main = useStore.getState();
  const previous = main.setup.target;
  const target = previous && ds.profiles.some((p) => p.name === previous) ? previous : ds.suggestedTarget;
  const setup: Setup = {
    ...main.setup,
    target,
    task: taskFor(ds, target),
    hitThreshold: undefined,
    features: ds.recommendedFeatures.filter((f) => f !== target),
    types: ds.profiles.map((p) => p.type),
  };
  const errors: AppState['errors'] = target
    ? {}
    : { target: 'No column looks like a popularity target; choose one.' };
  useStore.setState({
    dataset: ds,
    setup,
    loading: undefined,
    result: undefined,
    extraBias: [],
    run: { status: 'idle', epochs: [], totalEpochs: 0, warnings: [], cancelRequested: false },
    errors,
  });
  await Promise.all([save('dataset', ds), save('setup', setup), remove('result')]);
}
