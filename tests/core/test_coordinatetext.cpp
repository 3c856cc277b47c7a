// Coordinates as typed and read in the Inspector (text/coordinatetext.h): what is taken, what
// is refused and why, and how a value reads back.

#include "text/coordinatetext.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace claimline;

namespace {

constexpr auto Lat = CoordinateAxis::Latitude;
constexpr auto Lon = CoordinateAxis::Longitude;

} // namespace

TEST(CoordinateText, NumbersAsPeopleTypeThem)
{
    const struct
    {
        const char *text;
        CoordinateAxis axis;
        double value;
    } cases[] = {
        {"58.54", Lat, 58.54},    {" -33.1 ", Lat, -33.1},
        {"+12", Lat, 12},         {"90", Lat, 90},
        {"-90", Lat, -90},        {"180", Lon, 180},
        {"-180.0", Lon, -180},    {".5", Lon, 0.5},
        {"58.", Lat, 58},         {"58.54°", Lat, 58.54},
        {"58.54° N", Lat, 58.54}, {"33.67e", Lon, 33.67},
        {"12.5 S", Lat, -12.5},   {"77.0365° W", Lon, -77.0365},
        {"-0", Lat, 0},
    };
    for (const auto &c : cases) {
        QString problem;
        const std::optional<double> value
            = parseCoordinate(QString::fromUtf8(c.text), c.axis, &problem);
        ASSERT_TRUE(value.has_value()) << c.text << ": " << problem.toStdString();
        EXPECT_DOUBLE_EQ(*value, c.value) << c.text;
        EXPECT_FALSE(std::signbit(*value) && *value == 0) << c.text; // never "-0"
    }
}

TEST(CoordinateText, BadInputIsRefusedWithTheReason)
{
    const struct
    {
        const char *text;
        CoordinateAxis axis;
        const char *reason;
    } cases[] = {
        {"", Lat, "is empty"},
        {"  ", Lon, "is empty"},
        {"90.0001", Lat, "must lie between -90 and 90"},
        {"-91", Lat, "must lie between -90 and 90"},
        {"180.5", Lon, "must lie between -180 and 180"},
        {"58,54", Lat, "takes a decimal point (58.54), not a comma"},
        {"north", Lat, "not a number"},
        {"nan", Lat, "not a number"},
        {"inf", Lon, "not a number"},
        {"1e3", Lon, "not a number"},
        {"٥٨", Lat, "not a number"}, // Arabic-Indic digits
        {"12 E", Lat, "is north (N) or south (S)"},
        {"12 N", Lon, "is east (E) or west (W)"},
        {"-12 S", Lat, "not both"},
        {"58.54 N 33", Lat, "not a number"},
    };
    for (const auto &c : cases) {
        QString problem;
        EXPECT_FALSE(parseCoordinate(QString::fromUtf8(c.text), c.axis, &problem).has_value())
            << c.text;
        EXPECT_TRUE(problem.contains(QString::fromUtf8(c.reason)))
            << c.text << ": " << problem.toStdString();
    }
}

TEST(CoordinateText, AValueReadsBackAsItself)
{
    for (const double value :
         {58.54, -33.1, 0.00001, -180.0, 90.0, 58.521234567891234, 0.1 + 0.2}) {
        const QString text = coordinateText(value);
        EXPECT_FALSE(text.contains(u'e')) << text.toStdString();
        const std::optional<double> back = parseCoordinate(text, std::abs(value) > 90 ? Lon : Lat);
        ASSERT_TRUE(back.has_value()) << text.toStdString();
        EXPECT_EQ(*back, value) << text.toStdString(); // exactly
    }
    EXPECT_EQ(coordinateText(58.54), QStringLiteral("58.54"));
    EXPECT_EQ(coordinatesReading(58.54, 33.67), QStringLiteral("58.54° N, 33.67° E"));
    EXPECT_EQ(coordinatesReading(-12.5, -77.0365), QStringLiteral("12.5° S, 77.0365° W"));
}
