/** A labelled one-line input with its help text and, when there is one, the problem with its value (local or the server's). */
import { useId, type ReactNode } from 'react';

export function TextField(props: {
  label: string;
  help: ReactNode;
  value: string;
  onChange: (v: string) => void;
  problem: string | null;
  testId: string;
  /** Marks the input invalid even without a message of its own (default: when there is a problem). */
  invalid?: boolean;
  /** Default: `<testId>-problem`. */
  problemTestId?: string;
  type?: 'text' | 'date';
  inputMode?: 'decimal' | 'numeric' | 'text';
  placeholder?: string;
  readOnly?: boolean;
  mono?: boolean;
}) {
  const id = useId();
  const invalid = props.invalid ?? props.problem !== null;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {props.label}
      </label>
      <input
        id={id}
        type={props.type ?? 'text'}
        inputMode={props.inputMode}
        className={`input${props.mono ? ' input--mono' : ''}${invalid ? ' input--invalid' : ''}`}
        value={props.value}
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(e.target.value)}
        readOnly={props.readOnly}
        aria-invalid={invalid}
        aria-describedby={`${id}-help`}
        autoComplete="off"
        spellCheck={false}
        data-testid={props.testId}
      />
      {props.problem ? (
        <span id={`${id}-help`} className="field__error" role="alert" data-testid={props.problemTestId ?? `${props.testId}-problem`}>
          {props.problem}
        </span>
      ) : (
        <span id={`${id}-help`} className="field__help">
          {props.help}
        </span>
      )}
    </div>
  );
}
