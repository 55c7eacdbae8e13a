import { useState, type SubmitEvent } from 'react';

interface RunFormProps {
  initialInput: string;
  running: boolean;
  onRun: (input: string) => void;
}

/** The input field and the Run button; Enter in the field runs too (it submits the form). */
export function RunForm({ initialInput, running, onRun }: RunFormProps) {
  const [input, setInput] = useState(initialInput);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!running) onRun(input);
  };

  return (
    <form className="run-form" onSubmit={submit}>
      <label htmlFor="run-input">Input</label>
      <input
        id="run-input"
        data-testid="run-input"
        type="text"
        value={input}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          setInput(event.target.value);
        }}
      />
      <button type="submit" data-testid="run-button" disabled={running}>
        {running ? 'Running…' : 'Run'}
      </button>
    </form>
  );
}
