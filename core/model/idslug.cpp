#include "model/idslug.h"

namespace claimline {

QString idSlug(const QString &name)
{
    constexpr qsizetype MaxLength = 40;
    QString base;
    for (const QChar c : name.normalized(QString::NormalizationForm_KD)) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            base += c.toLower();
        else if (!c.isMark() && !base.isEmpty() && !base.endsWith(QLatin1Char('-')))
            base += QLatin1Char('-');
        if (base.size() > MaxLength) {
            // Cut at the last word that fits, unless that leaves too little.
            const qsizetype cut = base.lastIndexOf(QLatin1Char('-'), MaxLength);
            base.truncate(cut >= MaxLength / 2 ? cut : MaxLength);
            break;
        }
    }
    while (base.endsWith(QLatin1Char('-')))
        base.chop(1);
    return base;
}

} // namespace claimline
