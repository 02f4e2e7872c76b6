/** A labelled one-line input with its help text and, when there is one, the problem with its value. */
import { useId } from 'react';

export function TextField(props: {
  label: string;
  help: string;
  value: string;
  onChange: (v: string) => void;
  readOnly?: boolean;
  mono?: boolean;
  invalid: boolean;
  problem: string | null;
  problemTestId: string;
  testId: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {props.label}
      </label>
      <input
        id={id}
        className={`input${props.mono ? ' input--mono' : ''}${props.invalid ? ' input--invalid' : ''}`}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        readOnly={props.readOnly}
        aria-invalid={props.invalid}
        aria-describedby={`${id}-help`}
        autoComplete="off"
        spellCheck={false}
        data-testid={props.testId}
      />
      {props.problem ? (
        <span id={`${id}-help`} className="field__error" role="alert" data-testid={props.problemTestId}>
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
