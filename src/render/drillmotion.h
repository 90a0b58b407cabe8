#pragma once
// The motion of a drill: keyframed joint angles over one cycle, smoothly interpolated, turned
// into joint positions by forward kinematics, with the feet kept on the ground.
#include "drillcatalog.h"

#include <QList>
#include <QPointF>
#include <QRectF>

#include <array>

// Joint angles in degrees. Segment angles are measured in the world from straight down,
// positive towards the direction the figure faces; index 0 is the near side, 1 the far side.
struct Pose
{
    double lean = 0; // trunk, forward from vertical
    double neck = 0; // head, relative to the trunk
    std::array<double, 2> shoulder {}; // upper arm
    std::array<double, 2> elbow {}; // flexion of the forearm, forwards
    std::array<double, 2> hip {}; // thigh
    std::array<double, 2> knee {}; // flexion of the shin, backwards
    std::array<double, 2> ankle {}; // plantar flexion (toes down) is positive
    double lift = 0; // height of a flight phase, in body heights

    static Pose mix(const Pose &a, const Pose &b, double t);
};

// Joint positions in body heights (the figure is 1.0 tall standing), y pointing up.
struct Skeleton
{
    QPointF pelvis, shoulder, neck, head;
    double headRadius = 0;
    std::array<QPointF, 2> elbow {}, wrist {}, knee {}, ankle {}, heel {}, ball {}, toe {};

    QList<QPointF> points() const;
    Skeleton translated(QPointF offset) const;
};

// Segment sizes of the figure, in body heights.
namespace Body {
inline constexpr double kTrunk = 0.30;
inline constexpr double kNeck = 0.045;
inline constexpr double kHeadRadius = 0.064;
inline constexpr double kUpperArm = 0.186;
inline constexpr double kForearm = 0.146;
inline constexpr double kHand = 0.06;
inline constexpr double kThigh = 0.245;
inline constexpr double kShin = 0.246;
inline constexpr double kAnkleHeight = 0.039;
inline constexpr double kHeel = 0.045;
inline constexpr double kBall = 0.085;
inline constexpr double kToes = 0.04;
// Half the widest limb drawn around a joint: the figure's outline lies this far out at most.
inline constexpr double kMaxHalfWidth = 0.08;
} // namespace Body

class DrillMotion
{
public:
    explicit DrillMotion(DrillId id);

    DrillId id() const { return m_id; }
    double period() const { return m_period; } // seconds per cycle
    double slopeDegrees() const { return m_slope; } // uphill ground
    bool usesWall() const { return m_id == DrillId::WallDrill; }
    // Done on the spot: the ground does not move.
    bool stationary() const;

    Pose poseAt(double seconds) const;

    // The skeleton at a time, in world units relative to the figure's anchor: x = 0 is the
    // middle of the figure's footprint, y = 0 the ground under it (before the slope).
    Skeleton skeletonAt(double seconds) const;

    // How far the ground has moved under the figure by then (body heights): the camera follows
    // the figure, so the track scrolls by this much while the planted foot stays on its spot.
    double groundScroll(double seconds) const;

    // Where the figure's feet land (relative to the ground scroll): for hurdles and ladders.
    double stepLength() const { return m_advance / 2; }
    double footfallOffset() const { return m_footfall; }

    // Wall drill: x of the wall's face, in the same units as skeletonAt().
    double wallX() const { return m_wallX; }

    // Angle of a turning jump rope (radians, 0 = under the feet).
    double ropeAngle(double seconds) const;

    static Skeleton forwardKinematics(const Pose &pose);

    // Places a skeleton computed at the origin so that its lowest contact point touches the
    // ground of the given slope, plus the pose's flight height.
    static double groundLift(const Skeleton &skeleton, double slopeDegrees, bool handsTouch);

private:
    struct Key
    {
        double phase;
        double value;
    };
    using Channel = QList<Key>;
    enum ChannelId {
        Lean,
        Neck,
        Shoulder0,
        Elbow0,
        Hip0,
        Knee0,
        Ankle0,
        Shoulder1,
        Elbow1,
        Hip1,
        Knee1,
        Ankle1,
        Lift,
        ChannelCount
    };

    void define();
    void setLeg(int side, std::initializer_list<std::array<double, 4>> keys);
    void setArm(int side, std::initializer_list<std::array<double, 3>> keys);
    void set(ChannelId channel, std::initializer_list<std::array<double, 2>> keys);
    // Copies side 0 to side 1, shifted by half a cycle (alternating) or not (both together).
    void mirror(bool alternate);
    Pose poseAtPhase(double phase) const;
    void integrate();
    double rootXAtPhase(double phase) const;

    static double sample(const Channel &channel, double phase);

    DrillId m_id;
    double m_period = 1.0;
    double m_slope = 0;
    bool m_handsTouch = false;
    std::array<Channel, ChannelCount> m_channels;
    QList<double> m_rootX; // root x over one cycle, stance foot fixed
    double m_advance = 0; // root travel per cycle
    double m_centre = 0; // mean of root x minus its trend over a cycle
    double m_footfall = 0;
    double m_wallX = 0;
};
