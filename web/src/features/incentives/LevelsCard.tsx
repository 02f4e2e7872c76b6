/**
 * The level ladder, lowest first: each level's requirements in words, the privileges it adds (and those it keeps
 * from the levels below), how it is lost, and how many members are on it now.
 */
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/ui/Card.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { HelpTip } from '../../components/ui/HelpTip.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import type { CatalogueBody } from './hooks/types.ts';
import { readLevel } from './model/configView.ts';
import { useIncentiveWords } from './useIncentiveWords.ts';

export function LevelsCard({ catalogue }: { catalogue: CatalogueBody }) {
  const { t } = useTranslation();
  const f = useFormat();
  const words = useIncentiveWords();
  const levels = catalogue.levels.map((l) => ({ view: readLevel(l.definition), members: l.members, privileges: l.privileges }));
  const total = levels.reduce((s, l) => s + l.members, 0);
  const th = (label: string, help: string, align: 'start' | 'center' | 'end' = 'center') => (
    <span className="th-help">
      {label}
      <HelpTip text={help} align={align} />
    </span>
  );
  return (
    <Card testId="inc-levels" title={t('incentives.levels.title')} help={t('incentives.levels.help')}>
      {levels.length === 0 ? (
        <EmptyState>{t('incentives.levels.none')}</EmptyState>
      ) : (
        <div className="inc-scroll">
          <table className="table inc-levels">
            <thead>
              <tr>
                <th>{th(t('incentives.levels.colLevel'), t('incentives.levels.colLevelHelp'), 'start')}</th>
                <th>{th(t('incentives.levels.colRequirements'), t('incentives.levels.colRequirementsHelp'))}</th>
                <th>{th(t('incentives.levels.colPrivileges'), t('incentives.levels.colPrivilegesHelp'))}</th>
                <th>{th(t('incentives.levels.colDemotion'), t('incentives.levels.colDemotionHelp'))}</th>
                <th className="num">{th(t('incentives.levels.colMembers'), t('incentives.levels.colMembersHelp'), 'end')}</th>
              </tr>
            </thead>
            <tbody>
              {levels.map(({ view: l, members, privileges }, i) => {
                const own = new Set(l.privileges);
                return (
                  <tr key={l.id} data-testid="inc-level" data-level={l.id}>
                    <td className="inc-levels__name">
                      <span className="inc-step">{i + 1}</span>
                      <div>
                        <strong>{words.name(l.name, l.id)}</strong> <code className="inc-sub">{l.id}</code>
                        {l.description && <div className="muted small">{words.name(l.description, '')}</div>}
                      </div>
                    </td>
                    <td>
                      {l.requirements.length === 0 ? (
                        <span className="muted">{i === 0 ? t('incentives.levels.start') : t('incentives.levels.noRequirements')}</span>
                      ) : (
                        <ul className="inc-lines" data-testid="inc-level-requirements">
                          {l.requirements.map((r, j) => (
                            <li key={j}>{words.requirement(r)}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      <span className="tags">
                        {privileges.map((p) => (
                          <code key={p} className={`tag${own.has(p) ? ' inc-priv--own' : ' inc-priv--kept'}`} title={own.has(p) ? t('incentives.levels.privOwn') : t('incentives.levels.privKept')}>
                            {own.has(p) ? `+ ${p}` : p}
                          </code>
                        ))}
                      </span>
                    </td>
                    <td className="small">{i === 0 && l.requirements.length === 0 ? <span className="muted">{t('incentives.levels.startKept')}</span> : words.demotion(l.demotion)}</td>
                    <td className="num" data-testid="inc-level-members">
                      {f.number(members)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <td colSpan={4}>{t('incentives.levels.total')}</td>
                <td className="num" data-testid="inc-levels-total">
                  {f.number(total)}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </Card>
  );
}
