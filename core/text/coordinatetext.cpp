#include "text/coordinatetext.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace claimline {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("claimline::CoordinateText", text);
}

} // namespace

std::optional<double> parseCoordinate(const QString &text, CoordinateAxis axis, QString *problem)
{
    const bool latitude = axis == CoordinateAxis::Latitude;
    const auto refuse = [problem](const QString &why) {
        if (problem)
            *problem = why;
        return std::nullopt;
    };
    // Digits with a point, no exponent: what people type, and nothing that reads as nan or inf.
    static const QRegularExpression shape(
        QStringLiteral(R"(^([+-]?)([0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*°?\s*([NSEWnsew]?)$)"));
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return refuse(tr("is empty"));
    const QRegularExpressionMatch match = shape.match(trimmed);
    if (!match.hasMatch()) {
        return refuse(trimmed.contains(u',') ? tr("takes a decimal point (58.54), not a comma")
                                             : tr("is not a number such as 58.54 or -33.1"));
    }
    bool ok = false;
    double value = QLocale::c().toDouble(match.captured(2), &ok);
    if (!ok)
        return refuse(tr("is not a number such as 58.54 or -33.1"));
    const QString sign = match.captured(1);
    const QString letter = match.captured(3).toUpper();
    const QChar hemisphere = letter.isEmpty() ? QChar() : letter.front();
    if (!hemisphere.isNull()) {
        const bool fits = latitude ? (hemisphere == u'N' || hemisphere == u'S')
                                   : (hemisphere == u'E' || hemisphere == u'W');
        if (!fits)
            return refuse(latitude ? tr("is north (N) or south (S), not east or west")
                                   : tr("is east (E) or west (W), not north or south"));
        if (!sign.isEmpty())
            return refuse(tr("takes a sign or a hemisphere letter, not both"));
        if (hemisphere == u'S' || hemisphere == u'W')
            value = -value;
    } else if (sign == QLatin1String("-")) {
        value = -value;
    }
    const double limit = latitude ? 90 : 180;
    if (!std::isfinite(value) || std::abs(value) > limit) {
        return refuse(latitude ? tr("must lie between -90 and 90")
                               : tr("must lie between -180 and 180"));
    }
    return value == 0 ? 0.0 : value; // no "-0"
}

QString coordinateText(double value)
{
    return QString::number(value, 'f', QLocale::FloatingPointShortest);
}

QString coordinatesReading(double latitude, double longitude)
{
    const auto one = [](double value, QChar positive, QChar negative) -> QString {
        return coordinateText(std::abs(value)) + QStringLiteral("° ")
            + (value < 0 ? negative : positive);
    };
    return one(latitude, u'N', u'S') + QStringLiteral(", ") + one(longitude, u'E', u'W');
}

} // namespace claimline
