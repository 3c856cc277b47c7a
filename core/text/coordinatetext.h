#pragma once

// An event's coordinates as a person types and reads them in the Inspector. One coordinate is
// a decimal number with a point, signed or not, optionally followed by a degree sign and a
// hemisphere letter: "58.54", "-33.1", "+12", "58.54°", "58.54° N", "33.67 e" (S and W are
// south and west: negative). A latitude lies within −90..90, a longitude within −180..180; the
// file format's reader holds them to the same bounds.

#include <QString>

#include <optional>

namespace claimline {

enum class CoordinateAxis { Latitude, Longitude };

// The value `text` stands for, or nullopt with why not in `*problem`: plain English said of
// the coordinate, to follow its name ("the latitude must lie between -90 and 90").
std::optional<double> parseCoordinate(const QString &text, CoordinateAxis axis,
                                      QString *problem = nullptr);
// A coordinate as its field shows it: the shortest decimal that reads back as the same value,
// never in exponent form ("58.54", "0.00001", "-180").
QString coordinateText(double value);
// Both, as the reading under the fields shows them: "58.54° N, 33.67° E".
QString coordinatesReading(double latitude, double longitude);

} // namespace claimline
