package io.github.jvmadvisor.samples.scenarios.workloads;

/**
 * The class {@link ClassChurnWork} defines again and again in fresh class loaders, as a proxy or
 * script engine generates classes: many methods, so each copy takes a visible amount of metaspace.
 */
public final class GeneratedTemplate {

    private int state;

    /** Calls every method once. */
    public int run(int seed) {
        int acc = seed;
        acc += m0(acc);
        acc += m1(acc);
        acc += m2(acc);
        acc += m3(acc);
        acc += m4(acc);
        acc += m5(acc);
        acc += m6(acc);
        acc += m7(acc);
        acc += m8(acc);
        acc += m9(acc);
        acc += m10(acc);
        acc += m11(acc);
        acc += m12(acc);
        acc += m13(acc);
        acc += m14(acc);
        acc += m15(acc);
        acc += m16(acc);
        acc += m17(acc);
        acc += m18(acc);
        acc += m19(acc);
        acc += m20(acc);
        acc += m21(acc);
        acc += m22(acc);
        acc += m23(acc);
        acc += m24(acc);
        acc += m25(acc);
        acc += m26(acc);
        acc += m27(acc);
        acc += m28(acc);
        acc += m29(acc);
        acc += m30(acc);
        acc += m31(acc);
        acc += m32(acc);
        acc += m33(acc);
        acc += m34(acc);
        acc += m35(acc);
        acc += m36(acc);
        acc += m37(acc);
        acc += m38(acc);
        acc += m39(acc);
        acc += m40(acc);
        acc += m41(acc);
        acc += m42(acc);
        acc += m43(acc);
        acc += m44(acc);
        acc += m45(acc);
        acc += m46(acc);
        acc += m47(acc);
        state = acc;
        return acc;
    }

    private int m0(int x) {
        int a = x * 31 + state;
        String s = "m0-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 0;
        }
        return a + "constant-0".hashCode();
    }

    private int m1(int x) {
        int a = x * 32 + state;
        String s = "m1-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 7919;
        }
        return a + "constant-1".hashCode();
    }

    private int m2(int x) {
        int a = x * 33 + state;
        String s = "m2-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 15838;
        }
        return a + "constant-2".hashCode();
    }

    private int m3(int x) {
        int a = x * 34 + state;
        String s = "m3-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 23757;
        }
        return a + "constant-3".hashCode();
    }

    private int m4(int x) {
        int a = x * 35 + state;
        String s = "m4-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 31676;
        }
        return a + "constant-4".hashCode();
    }

    private int m5(int x) {
        int a = x * 36 + state;
        String s = "m5-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 39595;
        }
        return a + "constant-5".hashCode();
    }

    private int m6(int x) {
        int a = x * 37 + state;
        String s = "m6-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 47514;
        }
        return a + "constant-6".hashCode();
    }

    private int m7(int x) {
        int a = x * 38 + state;
        String s = "m7-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 55433;
        }
        return a + "constant-7".hashCode();
    }

    private int m8(int x) {
        int a = x * 39 + state;
        String s = "m8-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 63352;
        }
        return a + "constant-8".hashCode();
    }

    private int m9(int x) {
        int a = x * 40 + state;
        String s = "m9-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 71271;
        }
        return a + "constant-9".hashCode();
    }

    private int m10(int x) {
        int a = x * 41 + state;
        String s = "m10-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 79190;
        }
        return a + "constant-10".hashCode();
    }

    private int m11(int x) {
        int a = x * 42 + state;
        String s = "m11-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 87109;
        }
        return a + "constant-11".hashCode();
    }

    private int m12(int x) {
        int a = x * 43 + state;
        String s = "m12-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 95028;
        }
        return a + "constant-12".hashCode();
    }

    private int m13(int x) {
        int a = x * 44 + state;
        String s = "m13-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 102947;
        }
        return a + "constant-13".hashCode();
    }

    private int m14(int x) {
        int a = x * 45 + state;
        String s = "m14-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 110866;
        }
        return a + "constant-14".hashCode();
    }

    private int m15(int x) {
        int a = x * 46 + state;
        String s = "m15-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 118785;
        }
        return a + "constant-15".hashCode();
    }

    private int m16(int x) {
        int a = x * 47 + state;
        String s = "m16-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 126704;
        }
        return a + "constant-16".hashCode();
    }

    private int m17(int x) {
        int a = x * 48 + state;
        String s = "m17-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 134623;
        }
        return a + "constant-17".hashCode();
    }

    private int m18(int x) {
        int a = x * 49 + state;
        String s = "m18-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 142542;
        }
        return a + "constant-18".hashCode();
    }

    private int m19(int x) {
        int a = x * 50 + state;
        String s = "m19-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 150461;
        }
        return a + "constant-19".hashCode();
    }

    private int m20(int x) {
        int a = x * 51 + state;
        String s = "m20-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 158380;
        }
        return a + "constant-20".hashCode();
    }

    private int m21(int x) {
        int a = x * 52 + state;
        String s = "m21-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 166299;
        }
        return a + "constant-21".hashCode();
    }

    private int m22(int x) {
        int a = x * 53 + state;
        String s = "m22-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 174218;
        }
        return a + "constant-22".hashCode();
    }

    private int m23(int x) {
        int a = x * 54 + state;
        String s = "m23-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 182137;
        }
        return a + "constant-23".hashCode();
    }

    private int m24(int x) {
        int a = x * 55 + state;
        String s = "m24-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 190056;
        }
        return a + "constant-24".hashCode();
    }

    private int m25(int x) {
        int a = x * 56 + state;
        String s = "m25-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 197975;
        }
        return a + "constant-25".hashCode();
    }

    private int m26(int x) {
        int a = x * 57 + state;
        String s = "m26-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 205894;
        }
        return a + "constant-26".hashCode();
    }

    private int m27(int x) {
        int a = x * 58 + state;
        String s = "m27-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 213813;
        }
        return a + "constant-27".hashCode();
    }

    private int m28(int x) {
        int a = x * 59 + state;
        String s = "m28-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 221732;
        }
        return a + "constant-28".hashCode();
    }

    private int m29(int x) {
        int a = x * 60 + state;
        String s = "m29-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 229651;
        }
        return a + "constant-29".hashCode();
    }

    private int m30(int x) {
        int a = x * 61 + state;
        String s = "m30-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 237570;
        }
        return a + "constant-30".hashCode();
    }

    private int m31(int x) {
        int a = x * 62 + state;
        String s = "m31-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 245489;
        }
        return a + "constant-31".hashCode();
    }

    private int m32(int x) {
        int a = x * 63 + state;
        String s = "m32-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 253408;
        }
        return a + "constant-32".hashCode();
    }

    private int m33(int x) {
        int a = x * 64 + state;
        String s = "m33-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 261327;
        }
        return a + "constant-33".hashCode();
    }

    private int m34(int x) {
        int a = x * 65 + state;
        String s = "m34-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 269246;
        }
        return a + "constant-34".hashCode();
    }

    private int m35(int x) {
        int a = x * 66 + state;
        String s = "m35-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 277165;
        }
        return a + "constant-35".hashCode();
    }

    private int m36(int x) {
        int a = x * 67 + state;
        String s = "m36-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 285084;
        }
        return a + "constant-36".hashCode();
    }

    private int m37(int x) {
        int a = x * 68 + state;
        String s = "m37-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 293003;
        }
        return a + "constant-37".hashCode();
    }

    private int m38(int x) {
        int a = x * 69 + state;
        String s = "m38-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 300922;
        }
        return a + "constant-38".hashCode();
    }

    private int m39(int x) {
        int a = x * 70 + state;
        String s = "m39-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 308841;
        }
        return a + "constant-39".hashCode();
    }

    private int m40(int x) {
        int a = x * 71 + state;
        String s = "m40-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 316760;
        }
        return a + "constant-40".hashCode();
    }

    private int m41(int x) {
        int a = x * 72 + state;
        String s = "m41-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 324679;
        }
        return a + "constant-41".hashCode();
    }

    private int m42(int x) {
        int a = x * 73 + state;
        String s = "m42-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 332598;
        }
        return a + "constant-42".hashCode();
    }

    private int m43(int x) {
        int a = x * 74 + state;
        String s = "m43-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 340517;
        }
        return a + "constant-43".hashCode();
    }

    private int m44(int x) {
        int a = x * 75 + state;
        String s = "m44-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 348436;
        }
        return a + "constant-44".hashCode();
    }

    private int m45(int x) {
        int a = x * 76 + state;
        String s = "m45-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 356355;
        }
        return a + "constant-45".hashCode();
    }

    private int m46(int x) {
        int a = x * 77 + state;
        String s = "m46-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 364274;
        }
        return a + "constant-46".hashCode();
    }

    private int m47(int x) {
        int a = x * 78 + state;
        String s = "m47-" + a;
        for (int k = 0; k < 3; k++) {
            a = (a << 1) ^ (a >>> 3) ^ s.length() ^ 372193;
        }
        return a + "constant-47".hashCode();
    }
}
