package io.github.jvmadvisor.core.rule;

/**
 * Scores from measured values, calibrated at two thresholds the way JDK Mission Control's rules are:
 * 25 at the info limit, 75 at the warning limit, rising smoothly towards 100 above it.
 */
public final class Scores {

    private static final double AT_INFO = Math.log(4.0 / 3.0); // 1 - e^-x = 0.25
    private static final double AT_WARN = Math.log(4.0); // 1 - e^-x = 0.75

    private Scores() {
    }

    /**
     * The score of {@code value} when larger is worse: {@code 100 (1 - exp(-c value^p))} through
     * (info, 25) and (warn, 75); 0 for values at or below 0.
     *
     * @throws IllegalArgumentException unless {@code 0 < info < warn}
     */
    public static double rising(double value, double info, double warn) {
        if (!(info > 0 && warn > info)) {
            throw new IllegalArgumentException("need 0 < info < warn: " + info + ", " + warn);
        }
        if (!(value > 0)) {
            return 0;
        }
        double p = Math.log(AT_WARN / AT_INFO) / Math.log(warn / info);
        double c = AT_INFO / Math.pow(info, p);
        return 100 * (1 - Math.exp(-c * Math.pow(value, p)));
    }

    /** The score of {@code value} when smaller is worse: {@link #rising} of the reciprocals. */
    public static double falling(double value, double info, double warn) {
        if (!(warn > 0 && info > warn)) {
            throw new IllegalArgumentException("need info > warn > 0: " + info + ", " + warn);
        }
        if (!(value > 0)) {
            return 100;
        }
        return rising(1 / value, 1 / info, 1 / warn);
    }
}
