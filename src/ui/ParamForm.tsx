import { useState } from 'react';
import type { ParamSchema, ParamSpec } from '../core/models/types';

/** A form drawn from a model's parameter schema (the registry's paramSchema). */
export function ParamForm({
  schema,
  values,
  onChange,
}: {
  schema: ParamSchema;
  values: Record<string, unknown>;
  onChange(key: string, value: unknown): void;
}) {
  return (
    <>
      {Object.entries(schema).map(([key, spec]) => (
        <ParamField key={key} spec={spec} value={values[key]} onChange={(v) => onChange(key, v)} />
      ))}
    </>
  );
}

function ParamField({
  spec,
  value,
  onChange,
}: {
  spec: ParamSpec;
  value: unknown;
  onChange(v: unknown): void;
}) {
  const title = spec.help;
  switch (spec.type) {
    case 'enum':
      return (
        <label title={title}>
          {spec.label}
          <select value={String(value)} onChange={(e) => onChange(e.target.value)}>
            {(spec.options ?? []).map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
      );
    case 'bool':
      return (
        <label title={title} className="check">
          <input type="checkbox" checked={Boolean(value)} onChange={(e) => onChange(e.target.checked)} />
          {spec.label}
        </label>
      );
    case 'intList':
      return (
        <ListField label={spec.label} title={title} value={(value as number[]) ?? []} onChange={onChange} />
      );
    default:
      return (
        <label title={title}>
          {spec.label}
          <input
            type="number"
            min={spec.min}
            max={spec.max}
            step={spec.step ?? (spec.type === 'int' ? 1 : 'any')}
            value={Number(value)}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (e.target.value !== '' && Number.isFinite(v))
                onChange(spec.type === 'int' ? Math.round(v) : v);
            }}
          />
        </label>
      );
  }
}

/** Comma-separated integers, e.g. hidden layer sizes "64, 32". */
function ListField({
  label,
  title,
  value,
  onChange,
}: {
  label: string;
  title?: string;
  value: number[];
  onChange(v: unknown): void;
}) {
  const [text, setText] = useState(value.join(', '));
  const parsed = text
    .split(/[,\s]+/)
    .filter(Boolean)
    .map(Number);
  const valid = parsed.every((n) => Number.isInteger(n) && n > 0);
  return (
    <label title={title}>
      {label}
      <input
        type="text"
        value={text}
        aria-invalid={!valid}
        onChange={(e) => {
          setText(e.target.value);
          const p = e.target.value
            .split(/[,\s]+/)
            .filter(Boolean)
            .map(Number);
          if (p.every((n) => Number.isInteger(n) && n > 0)) onChange(p);
        }}
      />
      {!valid && <span className="error">Use whole numbers separated by commas, e.g. 64, 32.</span>}
    </label>
  );
}
