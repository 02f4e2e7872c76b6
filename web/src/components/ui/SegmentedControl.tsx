/** A small group of mutually exclusive buttons (e.g. 30 / 90 days, 中文 / English). */
export function SegmentedControl<T extends string | number>(props: {
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange: (value: T) => void;
  label: string;
  testId?: string;
}) {
  return (
    <div className="segmented" role="group" aria-label={props.label} data-testid={props.testId}>
      {props.options.map((o) => (
        <button
          key={String(o.value)}
          type="button"
          className={o.value === props.value ? 'segmented__item is-active' : 'segmented__item'}
          aria-pressed={o.value === props.value}
          onClick={() => props.onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
