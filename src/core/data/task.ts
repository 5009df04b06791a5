/** What a model predicts: a score (regression) or hit / no hit (classification). The one definition. */
export type Task = 'regression' | 'classification';

export const TASKS: readonly Task[] = ['regression', 'classification'];
