import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

// The confirmation as a form: each fact the letter gave us, editable, with the letter's own words beside it.
// Sends only the values; the server works out which ones changed and checks each one.
export default function ConfirmDetails() {
  const [values, setValues] = useState(
    Object.fromEntries(props.rows.map((row) => [row.field, row.value]))
  );
  const [sent, setSent] = useState(false);
  const submit = () => {
    setSent(true);
    callAction({ name: "confirm_details", payload: { accept: true, values } });
  };
  return (
    <div className="flex flex-col gap-3 w-full" data-testid="confirm-details">
      {props.notice ? <div className="text-sm font-medium text-destructive">{props.notice}</div> : null}
      {props.rows.map((row) => (
        <label key={row.field} className="flex flex-col gap-1">
          <span className="text-sm font-medium">
            {row.label}
            {row.confidence !== null && row.confidence !== undefined
              ? <span className="text-xs text-muted-foreground"> · {Math.round(row.confidence * 100)}% sure</span>
              : null}
          </span>
          <Input
            name={row.field}
            value={values[row.field] ?? ""}
            disabled={sent}
            onChange={(event) => setValues({ ...values, [row.field]: event.target.value })}
          />
          {row.evidence
            ? <span className="text-xs text-muted-foreground">Letter says: “{row.evidence}”</span>
            : <span className="text-xs text-muted-foreground">Not found in the letter</span>}
        </label>
      ))}
      <Button onClick={submit} disabled={sent} data-testid="confirm-submit">
        {sent ? "Sent" : "Save and continue"}
      </Button>
    </div>
  );
}
