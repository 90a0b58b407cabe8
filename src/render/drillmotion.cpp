#include "drillmotion.h"

#include <QtMath>

#include <algorithm>
#include <cmath>

namespace {

// Direction of a segment hanging at `degrees` from straight down, positive forwards.
QPointF down(double degrees)
{
    const double r = qDegreesToRadians(degrees);
    return {std::sin(r), -std::cos(r)};
}

// Direction of a segment standing at `degrees` from straight up, positive forwards.
QPointF up(double degrees)
{
    const double r = qDegreesToRadians(degrees);
    return {std::sin(r), std::cos(r)};
}

double lerp(double a, double b, double t)
{
    return a + (b - a) * t;
}

constexpr int kSamples = 600; // per cycle, for the ground-contact integration

} // namespace

Pose Pose::mix(const Pose &a, const Pose &b, double t)
{
    Pose p;
    p.lean = lerp(a.lean, b.lean, t);
    p.neck = lerp(a.neck, b.neck, t);
    p.lift = lerp(a.lift, b.lift, t);
    for (int i = 0; i < 2; ++i) {
        p.shoulder[i] = lerp(a.shoulder[i], b.shoulder[i], t);
        p.elbow[i] = lerp(a.elbow[i], b.elbow[i], t);
        p.hip[i] = lerp(a.hip[i], b.hip[i], t);
        p.knee[i] = lerp(a.knee[i], b.knee[i], t);
        p.ankle[i] = lerp(a.ankle[i], b.ankle[i], t);
    }
    return p;
}

QList<QPointF> Skeleton::points() const
{
    QList<QPointF> all = {pelvis,
                          shoulder,
                          neck,
                          head + QPointF(0, headRadius),
                          head - QPointF(0, headRadius),
                          head + QPointF(headRadius, 0),
                          head - QPointF(headRadius, 0)};
    for (int i = 0; i < 2; ++i)
        all << elbow[i] << wrist[i] << knee[i] << ankle[i] << heel[i] << ball[i] << toe[i];
    return all;
}

Skeleton Skeleton::translated(QPointF offset) const
{
    Skeleton s = *this;
    s.pelvis += offset;
    s.shoulder += offset;
    s.neck += offset;
    s.head += offset;
    for (int i = 0; i < 2; ++i) {
        s.elbow[i] += offset;
        s.wrist[i] += offset;
        s.knee[i] += offset;
        s.ankle[i] += offset;
        s.heel[i] += offset;
        s.ball[i] += offset;
        s.toe[i] += offset;
    }
    return s;
}

Skeleton DrillMotion::forwardKinematics(const Pose &pose)
{
    Skeleton s;
    s.pelvis = QPointF(0, 0);
    s.shoulder = s.pelvis + up(pose.lean) * Body::kTrunk;
    const QPointF headAxis = up(pose.lean + pose.neck);
    s.neck = s.shoulder + headAxis * Body::kNeck;
    s.head = s.neck + headAxis * (Body::kHeadRadius * 1.05);
    s.headRadius = Body::kHeadRadius;
    for (int i = 0; i < 2; ++i) {
        s.elbow[i] = s.shoulder + down(pose.shoulder[i]) * Body::kUpperArm;
        s.wrist[i] = s.elbow[i] + down(pose.shoulder[i] + pose.elbow[i]) * Body::kForearm;
        s.knee[i] = s.pelvis + down(pose.hip[i]) * Body::kThigh;
        const double shin = pose.hip[i] - pose.knee[i];
        s.ankle[i] = s.knee[i] + down(shin) * Body::kShin;
        const double foot = shin + 90 - pose.ankle[i];
        const QPointF along = down(foot);
        const QPointF sole = down(foot - 90);
        s.heel[i] = s.ankle[i] + sole * Body::kAnkleHeight - along * Body::kHeel;
        s.ball[i] = s.ankle[i] + sole * Body::kAnkleHeight + along * Body::kBall;
        // The toes bend at the ball towards level ground, as on a raised heel.
        const double toes = foot >= 90 ? foot : std::min(90.0, foot + 50);
        s.toe[i] = s.ball[i] + down(toes) * Body::kToes;
    }
    return s;
}

double DrillMotion::groundLift(const Skeleton &s, double slopeDegrees, bool handsTouch)
{
    const double tanSlope = std::tan(qDegreesToRadians(slopeDegrees));
    double lowest = 1e9;
    auto consider = [&](QPointF p) {
        lowest = std::min(lowest, p.y() - p.x() * tanSlope);
    };
    for (int i = 0; i < 2; ++i) {
        consider(s.heel[i]);
        consider(s.ball[i]);
        consider(s.toe[i]);
        consider(s.knee[i] - QPointF(0, 0.03));
        if (handsTouch) {
            consider(s.elbow[i] - QPointF(0, 0.025));
            consider(s.wrist[i] - QPointF(0, 0.02));
        }
    }
    return -lowest;
}

double DrillMotion::sample(const Channel &keys, double phase)
{
    if (keys.isEmpty())
        return 0;
    if (keys.size() == 1)
        return keys.first().value;
    phase -= std::floor(phase);
    const qsizetype n = keys.size();
    qsizetype i = n - 1;
    for (qsizetype k = 0; k < n; ++k) {
        if (keys.at(k).phase <= phase)
            i = k;
    }
    // Periodic Catmull-Rom through the keys (non-uniform spacing handled by phase distances).
    auto at = [&](qsizetype k) {
        const qsizetype wrapped = ((k % n) + n) % n;
        const double shift = std::floor(double(k) / double(n));
        return Key {keys.at(wrapped).phase + shift, keys.at(wrapped).value};
    };
    qsizetype base = i;
    if (keys.at(i).phase > phase)
        base = i - n; // phase lies before the first key: use the last key of the previous cycle
    const Key p0 = at(base - 1), p1 = at(base), p2 = at(base + 1), p3 = at(base + 2);
    const double span = p2.phase - p1.phase;
    if (span <= 0)
        return p1.value;
    const double t = (phase - p1.phase) / span;
    // Monotone tangents: a key that is a peak, a trough or the end of a hold gets a flat
    // tangent, so the curve never overshoots a key (a planted foot stays planted).
    auto tangent = [span](const Key &a, const Key &b, const Key &c) {
        const double left = (b.value - a.value) / (b.phase - a.phase);
        const double right = (c.value - b.value) / (c.phase - b.phase);
        if (left * right <= 0)
            return 0.0;
        const double m = (c.value - a.value) / (c.phase - a.phase);
        const double limit = 3 * std::min(std::abs(left), std::abs(right));
        return std::copysign(std::min(std::abs(m), limit), m) * span;
    };
    const double m1 = tangent(p0, p1, p2);
    const double m2 = tangent(p1, p2, p3);
    const double t2 = t * t, t3 = t2 * t;
    return (2 * t3 - 3 * t2 + 1) * p1.value + (t3 - 2 * t2 + t) * m1 + (-2 * t3 + 3 * t2) * p2.value
            + (t3 - t2) * m2;
}

DrillMotion::DrillMotion(DrillId id)
    : m_id(id)
{
    define();
    integrate();
}

void DrillMotion::set(ChannelId channel, std::initializer_list<std::array<double, 2>> keys)
{
    Channel &c = m_channels[channel];
    c.clear();
    for (const auto &k : keys)
        c.append({k[0], k[1]});
}

void DrillMotion::setLeg(int side, std::initializer_list<std::array<double, 4>> keys)
{
    const int base = side == 0 ? Hip0 : Hip1;
    for (int j = 0; j < 3; ++j) {
        Channel &c = m_channels[base + j];
        c.clear();
        for (const auto &k : keys)
            c.append({k[0], k[1 + j]});
    }
}

void DrillMotion::setArm(int side, std::initializer_list<std::array<double, 3>> keys)
{
    const int base = side == 0 ? Shoulder0 : Shoulder1;
    for (int j = 0; j < 2; ++j) {
        Channel &c = m_channels[base + j];
        c.clear();
        for (const auto &k : keys)
            c.append({k[0], k[1 + j]});
    }
}

void DrillMotion::mirror(bool alternate)
{
    for (int j = 0; j < 5; ++j) {
        Channel copy = m_channels[Shoulder0 + j];
        if (alternate) {
            for (Key &k : copy)
                k.phase = std::fmod(k.phase + 0.5, 1.0);
            std::sort(copy.begin(), copy.end(),
                      [](const Key &a, const Key &b) { return a.phase < b.phase; });
        }
        m_channels[Shoulder1 + j] = copy;
    }
}

void DrillMotion::define()
{
    // Keys: {phase, thigh, knee flexion, ankle plantar flexion} and {phase, upper arm, elbow}.
    // Phase 0 is the near foot's contact; the far side follows half a cycle later.
    switch (m_id) {
    case DrillId::Jog:
    case DrillId::Hill:
        m_period = m_id == DrillId::Hill ? 0.74 : 0.72;
        setLeg(0,
               {{0.0, 20, 14, 0},
                {0.12, 4, 32, -6},
                {0.27, -20, 14, 25},
                {0.42, -12, 85, 18},
                {0.6, 26, 78, 2},
                {0.8, 32, 28, -4},
                {0.92, 26, 14, -3}});
        if (m_id == DrillId::Hill)
            setLeg(0,
                   {{0.0, 30, 28, -6},
                    {0.12, 12, 42, -10},
                    {0.27, -12, 16, 22},
                    {0.42, -2, 90, 15},
                    {0.6, 45, 95, 0},
                    {0.8, 45, 50, -8},
                    {0.92, 38, 32, -8}});
        setArm(0, {{0.0, -32, 80}, {0.5, 28, 95}});
        set(Lean, {{0, m_id == DrillId::Hill ? 14.0 : 6.0}});
        set(Lift, {{0.0, 0}, {0.27, 0}, {0.38, 0.018}, {0.5, 0}, {0.77, 0}, {0.88, 0.018}});
        m_slope = m_id == DrillId::Hill ? 9 : 0;
        mirror(true);
        break;
    case DrillId::Strides:
        m_period = 0.62;
        setLeg(0,
               {{0.0, 25, 15, 0},
                {0.12, 6, 36, -6},
                {0.27, -28, 14, 30},
                {0.42, -12, 112, 20},
                {0.6, 45, 98, 0},
                {0.8, 50, 35, -5},
                {0.92, 38, 16, -5}});
        setArm(0, {{0.0, -45, 80}, {0.5, 42, 100}});
        set(Lean, {{0, 9}});
        set(Lift, {{0.0, 0}, {0.26, 0}, {0.38, 0.035}, {0.5, 0}, {0.76, 0}, {0.88, 0.035}});
        mirror(true);
        break;
    case DrillId::Bounding:
        m_period = 1.2;
        setLeg(0,
               {{0.0, 30, 12, -5},
                {0.12, 10, 26, 5},
                {0.28, -32, 10, 35},
                {0.4, -28, 40, 25},
                {0.55, 10, 110, 10},
                {0.72, 68, 88, 0},
                {0.88, 55, 30, -5}});
        setArm(0, {{0.0, -50, 70}, {0.5, 55, 90}});
        set(Lean, {{0, 8}});
        set(Lift, {{0.0, 0}, {0.27, 0}, {0.39, 0.09}, {0.5, 0}, {0.77, 0}, {0.89, 0.09}});
        mirror(true);
        break;
    case DrillId::Walk:
    case DrillId::ToeWalk:
    case DrillId::HeelWalk: {
        m_period = m_id == DrillId::Walk ? 1.1 : 1.0;
        const double a = m_id == DrillId::ToeWalk ? 32 : m_id == DrillId::HeelWalk ? -22 : 0;
        const double stride = m_id == DrillId::Walk ? 1.0 : 0.75;
        if (m_id == DrillId::Walk)
            setLeg(0,
                   {{0.0, 22, 3, -6},
                    {0.12, 15, 14, 4},
                    {0.3, 0, 5, -4},
                    {0.5, -15, 8, -8},
                    {0.6, -18, 35, 18},
                    {0.75, 6, 60, 4},
                    {0.88, 22, 22, -6}});
        else
            setLeg(0,
                   {{0.0, 16 * stride, 4, a},
                    {0.15, 8 * stride, 8, a},
                    {0.3, 0, 6, a},
                    {0.5, -14 * stride, 8, a},
                    {0.6, -16 * stride, 30, a},
                    {0.75, 6, 55, a * 0.7},
                    {0.88, 18 * stride, 18, a}});
        setArm(0, {{0.0, -18, 18}, {0.5, 18, 28}});
        set(Lean, {{0, 2}});
        mirror(true);
        break;
    }
    case DrillId::HighKnees:
        m_period = 0.6;
        setLeg(0,
               {{0.0, 6, 12, 14},
                {0.15, -4, 14, 24},
                {0.3, 40, 88, 10},
                {0.45, 84, 100, -4},
                {0.6, 60, 80, 0},
                {0.8, 20, 30, 10},
                {0.9, 9, 14, 14}});
        setArm(0, {{0.0, 40, 95}, {0.45, -42, 85}});
        set(Lean, {{0, 2}});
        set(Lift, {{0.0, 0}, {0.2, 0}, {0.25, 0.008}, {0.3, 0}, {0.7, 0}, {0.75, 0.008}, {0.8, 0}});
        mirror(true);
        break;
    case DrillId::MiniHurdles:
        m_period = 0.66;
        setLeg(0,
               {{0.0, 12, 14, 8},
                {0.15, -8, 20, 22},
                {0.3, 35, 100, 10},
                {0.45, 75, 105, -6},
                {0.6, 55, 70, -4},
                {0.8, 30, 25, 4},
                {0.9, 18, 15, 6}});
        setArm(0, {{0.0, 40, 90}, {0.45, -40, 85}});
        set(Lean, {{0, 5}});
        set(Lift,
            {{0.0, 0}, {0.2, 0}, {0.27, 0.015}, {0.34, 0}, {0.7, 0}, {0.77, 0.015}, {0.84, 0}});
        mirror(true);
        break;
    case DrillId::Ladder:
        m_period = 0.44;
        setLeg(0,
               {{0.0, 10, 18, 14},
                {0.15, -6, 22, 24},
                {0.35, 30, 75, 12},
                {0.5, 42, 82, 2},
                {0.7, 30, 45, 4},
                {0.88, 16, 22, 10}});
        setArm(0, {{0.0, 30, 90}, {0.5, -30, 85}});
        set(Lean, {{0, 7}});
        mirror(true);
        break;
    case DrillId::ButtKicks:
        m_period = 0.56;
        setLeg(0,
               {{0.0, 6, 14, 14},
                {0.2, -8, 24, 26},
                {0.4, -6, 118, 40},
                {0.55, 4, 142, 45},
                {0.75, 14, 70, 24},
                {0.9, 10, 22, 15}});
        setArm(0, {{0.0, 28, 95}, {0.5, -30, 85}});
        set(Lean, {{0, 4}});
        set(Lift,
            {{0.0, 0}, {0.2, 0}, {0.26, 0.008}, {0.32, 0}, {0.7, 0}, {0.76, 0.008}, {0.82, 0}});
        mirror(true);
        break;
    case DrillId::ASkip:
    case DrillId::BSkip:
        m_period = 1.0;
        if (m_id == DrillId::ASkip)
            setLeg(0,
                   {{0.0, 8, 10, 10},
                    {0.2, -2, 16, 16},
                    {0.4, -10, 12, 30},
                    {0.55, 42, 92, 10},
                    {0.75, 84, 100, -8},
                    {0.9, 40, 40, 4}});
        else
            setLeg(0,
                   {{0.0, 8, 10, 10},
                    {0.2, -2, 16, 16},
                    {0.4, -10, 12, 30},
                    {0.55, 45, 96, 10},
                    {0.68, 80, 92, -8},
                    {0.8, 72, 18, -6},
                    {0.92, 28, 6, 2}});
        setArm(0, {{0.25, 50, 90}, {0.75, -42, 88}});
        set(Lean, {{0, 3}});
        set(Lift, {{0.0, 0}, {0.38, 0}, {0.45, 0.03}, {0.5, 0}, {0.88, 0}, {0.95, 0.03}});
        mirror(true);
        break;
    case DrillId::Lunge:
        m_period = 3.2;
        setLeg(0,
               {{0.0, 0, 3, 0},
                {0.08, 35, 50, 0},
                {0.16, 55, 40, 0},
                {0.25, 78, 78, 0},
                {0.33, 78, 78, 0},
                {0.42, 45, 55, 0},
                {0.5, 0, 3, 0},
                {0.6, -6, 10, 0},
                {0.68, -12, 45, -20},
                {0.75, -12, 72, -40},
                {0.83, -12, 72, -40},
                {0.92, -6, 20, -10}});
        setArm(0, {{0, -25, 115}});
        set(Lean, {{0.0, 2}, {0.25, 4}, {0.5, 2}, {0.75, 4}});
        mirror(true);
        break;
    case DrillId::Squat:
        m_period = 2.6;
        setLeg(0,
               {{0.0, 0, 3, -3},
                {0.1, 0, 3, -3},
                {0.4, 85, 110, -25},
                {0.55, 85, 110, -25},
                {0.85, 2, 6, -4}});
        setArm(0, {{0.0, 15, 20}, {0.1, 15, 20}, {0.4, 85, 5}, {0.55, 85, 5}, {0.85, 18, 18}});
        set(Lean, {{0.0, 2}, {0.1, 2}, {0.4, 42}, {0.55, 42}, {0.85, 4}});
        mirror(false);
        break;
    case DrillId::CalfRaise:
        m_period = 2.0;
        setLeg(0,
               {{0.0, 0, 3, 0}, {0.1, 0, 3, 0}, {0.4, 0, 2, 38}, {0.55, 0, 2, 38}, {0.9, 0, 3, 0}});
        setArm(0, {{0, 6, 12}});
        set(Lean, {{0, 1}});
        mirror(false);
        break;
    case DrillId::ArmSwing:
        m_period = 0.8;
        setLeg(0, {{0, 2, 6, 0}});
        setLeg(1, {{0, -2, 6, 0}});
        setArm(0, {{0.0, -50, 80}, {0.5, 48, 100}});
        set(Lean, {{0, 3}});
        mirror(true);
        setLeg(1, {{0, -2, 6, 0}});
        break;
    case DrillId::Balance:
        m_period = 3.2;
        setLeg(0, {{0.0, 80, 92, 12}, {0.5, 84, 96, 8}});
        setLeg(1, {{0.0, 1, 5, 0}, {0.25, -1, 5, 2}, {0.5, 1, 5, 0}, {0.75, 3, 6, -2}});
        setArm(0, {{0.0, -35, 85}, {0.5, -30, 88}});
        setArm(1, {{0.0, 35, 95}, {0.5, 30, 92}});
        set(Lean, {{0.0, 2}, {0.25, 3.5}, {0.5, 2}, {0.75, 0.5}});
        break;
    case DrillId::LegSwing:
        m_period = 1.4;
        setLeg(0, {{0.0, -35, 22, 12}, {0.5, 68, 6, -6}});
        setLeg(1, {{0, 0, 4, 0}});
        setArm(0, {{0.0, 25, 40}, {0.5, -15, 40}});
        setArm(1, {{0, 70, 15}});
        set(Lean, {{0.0, 6}, {0.5, -2}});
        break;
    case DrillId::WallDrill:
        m_period = 1.2;
        m_slope = 0;
        setLeg(0,
               {{0.0, -45, 2, -14},
                {0.07, -28, 55, 10},
                {0.2, 35, 100, -10},
                {0.3, 42, 105, -10},
                {0.42, -22, 50, 5},
                {0.5, -45, 2, -14},
                {0.75, -45, 2, -14}});
        setArm(0, {{0, 98, 8}});
        set(Lean, {{0, 45}});
        mirror(true);
        break;
    case DrillId::Plank:
        m_period = 3.0;
        m_handsTouch = true;
        setLeg(0, {{0.0, -83, 0, 8}, {0.5, -84, 0, 8}});
        setArm(0, {{0.0, 2, 88}, {0.5, 1, 89}});
        set(Lean, {{0.0, 83}, {0.5, 84}});
        set(Neck, {{0, -12}});
        mirror(false);
        break;
    case DrillId::JumpRope:
        m_period = 0.5;
        setLeg(0,
               {{0.0, 4, 18, 10},
                {0.2, 1, 6, 34},
                {0.5, 3, 8, 30},
                {0.8, 1, 6, 30},
                {0.9, 4, 22, 12}});
        setArm(0, {{0.0, 12, 62}, {0.25, 16, 60}, {0.5, 12, 62}, {0.75, 8, 64}});
        set(Lean, {{0, 2}});
        set(Lift, {{0.0, 0}, {0.22, 0}, {0.5, 0.045}, {0.78, 0}});
        mirror(false);
        break;
    }
}

Pose DrillMotion::poseAtPhase(double phase) const
{
    Pose p;
    p.lean = sample(m_channels[Lean], phase);
    const bool headInLine = m_id == DrillId::Plank || m_id == DrillId::WallDrill;
    p.neck = sample(m_channels[Neck], phase) - (headInLine ? 0.0 : 0.7 * p.lean);
    for (int i = 0; i < 2; ++i) {
        const int arm = i == 0 ? Shoulder0 : Shoulder1;
        const int leg = i == 0 ? Hip0 : Hip1;
        p.shoulder[i] = sample(m_channels[arm], phase);
        p.elbow[i] = std::max(0.0, sample(m_channels[arm + 1], phase));
        p.hip[i] = sample(m_channels[leg], phase);
        p.knee[i] = std::max(0.0, sample(m_channels[leg + 1], phase));
        p.ankle[i] = sample(m_channels[leg + 2], phase);
    }
    p.lift = std::max(0.0, sample(m_channels[Lift], phase));
    return p;
}

Pose DrillMotion::poseAt(double seconds) const
{
    return poseAtPhase(seconds / m_period);
}

void DrillMotion::integrate()
{
    QList<Skeleton> skeletons;
    QList<Pose> poses;
    skeletons.reserve(kSamples + 1);
    for (int k = 0; k <= kSamples; ++k) {
        poses.append(poseAtPhase(double(k) / kSamples));
        skeletons.append(forwardKinematics(poses.constLast()));
    }
    const double tanSlope = std::tan(qDegreesToRadians(m_slope));
    // The contact point is whichever point is lowest; while it is planted, the root moves so
    // that it stays where it is. In flight the root keeps its speed.
    auto contact = [&](const Skeleton &s, int index) -> QPointF {
        const std::array<QPointF, 6> feet
                = {s.heel[0], s.ball[0], s.toe[0], s.heel[1], s.ball[1], s.toe[1]};
        if (index < 6)
            return feet[size_t(index)];
        return index == 6 ? s.elbow[0] : s.elbow[1];
    };
    // The point lowest over both ends of a step: on a tie, the foot that stays down wins.
    auto lowest = [&](const Skeleton &s, const Skeleton &next) {
        int best = 0;
        double bestG = 1e9;
        const int count = m_handsTouch ? 8 : 6;
        for (int c = 0; c < count; ++c) {
            const QPointF p = contact(s, c);
            const QPointF q = contact(next, c);
            const double g
                    = p.y() - p.x() * tanSlope + q.y() - q.x() * tanSlope - (c >= 6 ? 0.05 : 0);
            if (g < bestG - 1e-9) {
                bestG = g;
                best = c;
            }
        }
        return best;
    };
    double speed = 0;
    for (int pass = 0; pass < 2; ++pass) {
        m_rootX = {0.0};
        for (int k = 0; k < kSamples; ++k) {
            if (poses.at(k).lift <= 1e-3) {
                const int c = lowest(skeletons.at(k), skeletons.at(k + 1));
                speed = contact(skeletons.at(k), c).x() - contact(skeletons.at(k + 1), c).x();
            }
            m_rootX.append(m_rootX.constLast() + speed);
        }
    }
    m_advance = m_rootX.constLast();
    if (m_id == DrillId::WallDrill) {
        // Hands on the wall and one foot always planted: the hips stay where they are.
        std::fill(m_rootX.begin(), m_rootX.end(), 0.0);
        m_advance = 0;
    } else if (stationary()) {
        // Drills done on the spot: spread the rounding drift of the integration over the cycle.
        for (int k = 0; k <= kSamples; ++k)
            m_rootX[k] -= m_advance * k / kSamples;
        m_advance = 0;
    }
    double sum = 0;
    for (int k = 0; k < kSamples; ++k) {
        double minX = 1e9, maxX = -1e9;
        for (const QPointF &p : skeletons.at(k).points()) {
            minX = std::min(minX, p.x());
            maxX = std::max(maxX, p.x());
        }
        sum += m_rootX.at(k) - m_advance * k / kSamples + (minX + maxX) / 2;
    }
    m_centre = sum / kSamples;
    m_footfall = skeletons.at(0).ball[0].x();
    if (usesWall()) {
        const Skeleton s = skeletons.at(0);
        m_wallX = std::max(s.wrist[0].x(), s.wrist[1].x()) + Body::kHand * 0.9 - m_centre;
    }
}

bool DrillMotion::stationary() const
{
    switch (m_id) {
    case DrillId::Lunge:
    case DrillId::Squat:
    case DrillId::CalfRaise:
    case DrillId::ArmSwing:
    case DrillId::Balance:
    case DrillId::LegSwing:
    case DrillId::Plank:
    case DrillId::JumpRope:
    case DrillId::WallDrill:
        return true;
    default:
        return false;
    }
}

double DrillMotion::rootXAtPhase(double phase) const
{
    const double cycles = std::floor(phase);
    const double f = (phase - cycles) * kSamples;
    const int k = std::min(kSamples - 1, int(f));
    return cycles * m_advance + lerp(m_rootX.at(k), m_rootX.at(k + 1), f - k);
}

double DrillMotion::groundScroll(double seconds) const
{
    return m_advance * seconds / m_period + m_centre;
}

Skeleton DrillMotion::skeletonAt(double seconds) const
{
    const double phase = seconds / m_period;
    const Pose pose = poseAtPhase(phase);
    const Skeleton s = forwardKinematics(pose);
    const double x = rootXAtPhase(phase) - groundScroll(seconds);
    const double y = x * std::tan(qDegreesToRadians(m_slope)) + groundLift(s, m_slope, m_handsTouch)
            + pose.lift;
    return s.translated(QPointF(x, y));
}

double DrillMotion::ropeAngle(double seconds) const
{
    const double phase = seconds / m_period;
    return 2 * M_PI * (phase - std::floor(phase) - 0.5);
}
