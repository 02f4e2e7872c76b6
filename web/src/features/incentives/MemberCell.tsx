/** A member in an incentives table: their label (name, or the id in the source system) and `mem_…` id, linking to the member page. */
import { Link } from 'wouter';

export function MemberCell({ member, label, testId = 'inc-member-link' }: { member: string; label: string; testId?: string }) {
  return (
    <Link href={`/members/${encodeURIComponent(member)}`} className="member-link" data-testid={testId} data-member={member}>
      <span className="avatar" aria-hidden="true">
        {label.slice(0, 1).toUpperCase()}
      </span>
      <span>
        <span className="member-link__name">{label}</span>
        {label !== member && <code className="member-link__id">{member}</code>}
      </span>
    </Link>
  );
}
