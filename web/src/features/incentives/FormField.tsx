/** A labelled input of the payout form: its help line, or the problem with its value (local or the server's). */
import { useId, type ReactNode } from 'react';

export function FormField(props: {
  label: string;
  help: ReactNode;
  value: string;
  onChange: (v: string) => void;
  problem: string | null;
  type?: 'text' | 'date';
  inputMode?: 'decimal' | 'numeric' | 'text';
  placeholder?: string;
  mono?: boolean;
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
        type={props.type ?? 'text'}
        inputMode={props.inputMode}
        className={`input${props.mono ? ' input--mono' : ''}${props.problem ? ' input--invalid' : ''}`}
        value={props.value}
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.problem !== null}
        aria-describedby={`${id}-help`}
        autoComplete="off"
        spellCheck={false}
        data-testid={props.testId}
      />
      {props.problem ? (
        <span id={`${id}-help`} className="field__error" role="alert" data-testid={`${props.testId}-problem`}>
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
