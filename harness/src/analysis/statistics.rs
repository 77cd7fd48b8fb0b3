//! The numbers behind a per-task verdict: a model's mean quality, its pass
//! rate, its paired difference to the reference model, McNemar's test on the
//! cases where the two disagree, and how many cases a question still needs.
//! Pure functions over plain numbers; the main type is [`Interval`], an
//! estimate with its 95% interval.
//!
//! # Which intervals, and why
//!
//! Every interval here is analytic, not bootstrapped: the same store always
//! yields the same report, to the last digit, with no random seed to carry,
//! and each method's coverage is checked by simulation in this file's tests.
//!
//! - **Mean quality** ([`clustered_mean`]): a Student's t interval with n − 1
//!   degrees of freedom over the n case means. The case, not the trial, is
//!   the unit that was sampled: repeats of one case share its difficulty, so
//!   they are averaged first and the standard error comes from the spread of
//!   the case means — the cluster-robust standard error of Miller (2024),
//!   "Adding Error Bars to Evals", which for one trial per case is the plain
//!   standard error. Treating every trial as independent would shrink the
//!   interval by up to √repeats and under-cover (the tests show it). The t
//!   quantile rather than the normal one because suites often have only
//!   20–100 cases, where the spread itself is estimated from few numbers; at
//!   hundreds of cases the two agree.
//! - **Pass rate** ([`wilson`]): the Wilson score interval, which unlike the
//!   normal ("Wald") interval stays inside [0, 1] and does not collapse to a
//!   point at 0 or n passes, and covers close to 95% even for small n.
//! - **Paired difference** ([`paired_difference`]): a t interval with n − 1
//!   degrees of freedom over the per-case differences candidate − reference.
//!   Pairing removes the variation that both models share (a hard case is hard
//!   for both), which is what makes a non-inferiority margin of a few points
//!   decidable with hundreds rather than thousands of cases.
//! - **Paired pass rates** ([`tango`]): when each case has one pass or fail
//!   per model, the paired difference of the two pass rates gets Tango's
//!   score interval (Tango 1998, "Equivalence test and confidence interval
//!   for the difference in proportions for the paired-sample design"; one of
//!   the methods Newcombe 1998 recommends). With few discordant cases the t
//!   interval over the 0/±1 differences is too narrow near the margin:
//!   simulated at a true difference of −5 points with 20–60 discordant cases
//!   it declared non-inferiority in 3.4% of runs against a nominal 2.5%;
//!   the score interval holds its level (the tests show both).
//! - **A percentile** (`percentiles::quantile_ranks`): distribution-free,
//!   from order statistics: the ranks between which the true percentile lies
//!   with 95% probability whatever the distribution.
//! - **Discordant cases** ([`mcnemar_exact`]): McNemar's exact test, a
//!   binomial test with p = ½ on the cases only one of the two models passed;
//!   exact because the discordant counts are often single digits.
//! - **Cases still needed** ([`cases_to_decide`]): the normal-approximation
//!   sample size for a one-sided question at 95% confidence and 80% power,
//!   for a paired difference against −margin or a figure against a bar.
//!
//! Quantiles of the normal, t and binomial distributions come from `statrs`.

pub use sizeup_reports::Interval;

use statrs::distribution::{Binomial, ContinuousCDF, DiscreteCDF, Normal, StudentsT};

/// The confidence level of every interval in this module.
const CONFIDENCE: f64 = 0.95;

/// The power [`cases_to_decide`] plans for.
const POWER: f64 = 0.80;

/// Mean of per-case values with its 95% interval, clustered by case:
/// `cases[i]` holds the quality of every trial (repeat) of case i (errors
/// already 0), each a finite number in [0, 1].
///
/// Each case's repeats are averaged first and every case weighs the same; the
/// standard error comes from the spread of the case means (cluster-robust when
/// repeats > 1, as in Miller 2024, "Adding Error Bars to Evals"), and the
/// interval uses Student's t with (cases − 1) degrees of freedom. Cases with
/// no trials are skipped.
///
/// `None` when there are no cases (or none with a trial). With a single case
/// nothing is known about the spread, so the interval is all of [0, 1]. When
/// every case mean is the same the interval is that point: the data show no
/// spread. Bounds are clamped to [0, 1].
pub fn clustered_mean(cases: &[Vec<f64>]) -> Option<Interval> {
    let means: Vec<f64> = cases
        .iter()
        .filter(|repeats| !repeats.is_empty())
        .map(|repeats| mean(repeats))
        .collect();
    if means.is_empty() {
        return None;
    }
    let estimate = mean(&means);
    if means.len() == 1 {
        return Some(Interval {
            estimate,
            low: 0.0_f64.min(estimate),
            high: 1.0_f64.max(estimate),
        });
    }
    let half =
        t_quantile(means.len() - 1) * std_dev(&means, estimate) / (means.len() as f64).sqrt();
    Some(Interval {
        estimate,
        low: (estimate - half).clamp(0.0_f64.min(estimate), estimate),
        high: (estimate + half).clamp(estimate, 1.0_f64.max(estimate)),
    })
}

/// Pass rate `passed / n` with its 95% Wilson score interval. `None` when
/// `n == 0`.
///
/// The interval assumes the `n` outcomes are independent: count one outcome
/// per case (not per repeat) when cases have repeats. `passed` above `n` is
/// counted as `n`.
pub fn wilson(passed: u64, n: u64) -> Option<Interval> {
    if n == 0 {
        return None;
    }
    let n_f = n as f64;
    let p = passed.min(n) as f64 / n_f;
    let z = z_quantile(0.5 + CONFIDENCE / 2.0);
    let z2 = z * z;
    let denominator = 1.0 + z2 / n_f;
    let centre = (p + z2 / (2.0 * n_f)) / denominator;
    let half = z / denominator * (p * (1.0 - p) / n_f + z2 / (4.0 * n_f * n_f)).sqrt();
    // The Wilson interval always contains p and lies in [0, 1]; clamping only
    // removes rounding error at 0 and n passes.
    Some(Interval {
        estimate: p,
        low: (centre - half).clamp(0.0, p),
        high: (centre + half).clamp(p, 1.0),
    })
}

/// The paired difference candidate − reference over the cases both have.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paired {
    /// Mean of the per-case differences with its 95% t interval (n − 1
    /// degrees of freedom), bounds clamped to [−1, 1].
    pub difference: Interval,
    /// Sample standard deviation of the per-case differences (n − 1 in the
    /// denominator); what [`cases_to_decide`] needs.
    pub sd: f64,
    /// Number of paired cases.
    pub cases: u64,
}

/// The paired difference candidate − reference:
/// `pairs[i]` = (candidate's mean quality on case i, reference's on case i),
/// each in [0, 1].
///
/// `None` with fewer than 2 pairs: one difference says nothing about the
/// spread. When every difference is the same the interval is that point.
pub fn paired_difference(pairs: &[(f64, f64)]) -> Option<Paired> {
    if pairs.len() < 2 {
        return None;
    }
    let differences: Vec<f64> = pairs
        .iter()
        .map(|(candidate, reference)| candidate - reference)
        .collect();
    let estimate = mean(&differences);
    let sd = std_dev(&differences, estimate);
    let half = t_quantile(differences.len() - 1) * sd / (differences.len() as f64).sqrt();
    Some(Paired {
        difference: Interval {
            estimate,
            low: (estimate - half).clamp((-1.0_f64).min(estimate), estimate),
            high: (estimate + half).clamp(estimate, 1.0_f64.max(estimate)),
        },
        sd,
        cases: pairs.len() as u64,
    })
}

/// McNemar's exact two-sided p-value from the discordant counts (cases only
/// the candidate passed, cases only the reference passed): a binomial test
/// with p = ½ on `only_candidate + only_reference` trials, twice the smaller
/// tail, capped at 1. 1.0 when both are 0.
pub fn mcnemar_exact(only_candidate: u64, only_reference: u64) -> f64 {
    let n = only_candidate + only_reference;
    if n == 0 {
        return 1.0;
    }
    let smaller = only_candidate.min(only_reference);
    let binomial = Binomial::new(0.5, n).expect("p = 1/2 is a valid probability");
    (2.0 * binomial.cdf(smaller)).min(1.0)
}

/// Cases needed so that the 95% interval of a paired difference with the
/// observed `mean` and `sd` lies wholly above or below −`margin` with 80%
/// power (normal approximation: n = ((z₀.₉₇₅ + z₀.₈₀) · sd / (mean + margin))²,
/// rounded up, and at least 2, the fewest [`paired_difference`] takes).
///
/// `None` when `mean == -margin` exactly or `sd` is 0 (no finite count
/// decides), or when an input is not finite. A count beyond `u64::MAX`
/// saturates.
pub fn cases_to_decide(mean: f64, sd: f64, margin: f64) -> Option<u64> {
    cases_to_clear(mean, sd, -margin)
}

/// Cases needed so that the 95% interval of a figure with the observed
/// `estimate` and per-case `sd` lies wholly on one side of `bar`, with 80%
/// power: n = ((z₀.₉₇₅ + z₀.₈₀) · sd / (estimate − bar))², at least 2.
/// `None` when `estimate == bar` or `sd` is 0 or an input is not finite.
pub fn cases_to_clear(estimate: f64, sd: f64, bar: f64) -> Option<u64> {
    let distance = estimate - bar;
    if distance == 0.0 || sd == 0.0 || !distance.is_finite() || !sd.is_finite() {
        return None;
    }
    let z = z_quantile(0.5 + CONFIDENCE / 2.0) + z_quantile(POWER);
    let n = (z * sd / distance).powi(2).ceil();
    // `as` saturates: a distance too small to represent the count gives u64::MAX.
    Some((n as u64).max(2))
}

/// The paired difference of two pass rates, candidate − reference, over
/// `n` cases each with one outcome per model, with Tango's 95% score
/// interval: `only_candidate` cases passed by the candidate alone,
/// `only_reference` by the reference alone. `None` when `n` is 0 or the
/// discordant cases outnumber it.
///
/// The interval is every δ whose score statistic
/// (b − c − nδ) / √(n(2p̃ + δ(1 − δ))) lies within ±z₀.₉₇₅, where p̃ is the
/// maximum-likelihood share of reference-only cases under δ; the statistic
/// falls as δ grows, so each bound is found by bisection.
pub fn tango(only_candidate: u64, only_reference: u64, n: u64) -> Option<Interval> {
    if n == 0 || only_candidate + only_reference > n {
        return None;
    }
    let cases = n;
    let (b, c, n) = (only_candidate as f64, only_reference as f64, n as f64);
    let estimate = (b - c) / n;
    let z = z_quantile(0.5 + CONFIDENCE / 2.0);
    let score = |d: f64| {
        let variance = n * tango_spread(only_candidate, only_reference, cases, d).powi(2);
        let excess = b - c - n * d;
        if variance > 0.0 {
            excess / variance.sqrt()
        } else {
            // No spread is possible under δ: only δ itself fits.
            excess.signum() * f64::INFINITY
        }
    };
    // The largest δ whose score is still above `level`, between `lo` and `hi`.
    let bisect = |mut lo: f64, mut hi: f64, level: f64| {
        for _ in 0..64 {
            let mid = (lo + hi) / 2.0;
            if score(mid) > level {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        (lo + hi) / 2.0
    };
    Some(Interval {
        estimate,
        low: bisect(-1.0, estimate, z).min(estimate),
        high: bisect(estimate, 1.0, -z).max(estimate),
    })
}

/// The standard deviation of one case's paired difference (−1, 0 or +1)
/// under a true difference `delta`, at the maximum-likelihood share of
/// reference-only cases given what was observed: the spread the score
/// interval assumes, which plans the cases still needed for paired pass
/// rates (and is not nil when no case was discordant).
pub fn tango_spread(only_candidate: u64, only_reference: u64, n: u64, delta: f64) -> f64 {
    let (b, c, n) = (
        only_candidate as f64,
        only_reference as f64,
        n.max(1) as f64,
    );
    let (qa, qb, qc) = (
        2.0 * n,
        -b - c + (2.0 * n - b + c) * delta,
        -c * delta * (1.0 - delta),
    );
    let p = (-qb + (qb * qb - 4.0 * qa * qc).max(0.0).sqrt()) / (2.0 * qa);
    (2.0 * p + delta * (1.0 - delta)).max(0.0).sqrt()
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

/// Sample standard deviation (n − 1 in the denominator); needs two values.
fn std_dev(values: &[f64], mean: f64) -> f64 {
    let squares: f64 = values.iter().map(|v| (v - mean).powi(2)).sum();
    (squares / (values.len() - 1) as f64).sqrt()
}

/// The two-sided `CONFIDENCE` quantile of Student's t with `freedom` degrees
/// of freedom (at least 1).
fn t_quantile(freedom: usize) -> f64 {
    StudentsT::new(0.0, 1.0, freedom as f64)
        .expect("at least one degree of freedom")
        .inverse_cdf(0.5 + CONFIDENCE / 2.0)
}

fn z_quantile(p: f64) -> f64 {
    Normal::standard().inverse_cdf(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};

    const RUNS: usize = 1_000;

    fn close(actual: f64, expected: f64, tolerance: f64) -> bool {
        (actual - expected).abs() <= tolerance
    }

    #[test]
    fn quantiles_match_tables() {
        assert!(close(z_quantile(0.975), 1.959_964, 1e-6));
        assert!(close(z_quantile(0.80), 0.841_621, 1e-6));
        assert!(close(t_quantile(9), 2.262_157, 1e-6));
        assert!(close(t_quantile(49), 2.009_575, 1e-6));
        assert!(close(t_quantile(1), 12.706_205, 1e-5));
    }

    #[test]
    fn wilson_known_values() {
        let i = wilson(8, 10).unwrap();
        assert_eq!(i.estimate, 0.8);
        assert!(close(i.low, 0.490, 5e-4), "{i:?}");
        assert!(close(i.high, 0.943, 5e-4), "{i:?}");

        let none = wilson(0, 10).unwrap();
        assert_eq!((none.estimate, none.low), (0.0, 0.0));
        assert!(close(none.high, 0.2775, 5e-4), "{none:?}");

        let all = wilson(10, 10).unwrap();
        assert_eq!((all.estimate, all.high), (1.0, 1.0));
        assert!(close(all.low, 0.7225, 5e-4), "{all:?}");

        assert_eq!(wilson(0, 0), None);
    }

    #[test]
    fn mcnemar_known_values() {
        assert_eq!(mcnemar_exact(0, 0), 1.0);
        assert!(close(mcnemar_exact(1, 6), 0.125, 1e-12));
        assert!(close(mcnemar_exact(6, 1), 0.125, 1e-12));
        assert!(close(mcnemar_exact(0, 10), 2.0 * 0.5_f64.powi(10), 1e-12));
        assert!(close(mcnemar_exact(0, 1), 1.0, 1e-12));
        assert!(close(mcnemar_exact(5, 5), 1.0, 1e-12));
        // 2 · P(X ≤ 3) for X ~ Binomial(15, 1/2) = 2 · 576 / 32768.
        assert!(close(mcnemar_exact(3, 12), 1152.0 / 32768.0, 1e-12));
    }

    #[test]
    fn clustered_mean_small_cases() {
        assert_eq!(clustered_mean(&[]), None);
        assert_eq!(clustered_mean(&[vec![], vec![]]), None);
        assert_eq!(
            clustered_mean(&[vec![0.5, 1.0]]),
            Some(Interval {
                estimate: 0.75,
                low: 0.0,
                high: 1.0
            })
        );
        assert_eq!(
            clustered_mean(&[vec![1.0], vec![1.0, 1.0]]),
            Some(Interval {
                estimate: 1.0,
                low: 1.0,
                high: 1.0
            })
        );
        // Case means 1, 0.5, 0 (the empty case skipped): mean 0.5, sd 0.5,
        // half-width t(2) · 0.5 / √3 = 4.302653 · 0.288675 = 1.242, clamped.
        let i = clustered_mean(&[vec![1.0, 1.0], vec![1.0, 0.0], vec![], vec![0.0]]).unwrap();
        assert_eq!((i.estimate, i.low, i.high), (0.5, 0.0, 1.0));
        // Case means 0.6 and 0.8: sd √0.02, half-width 12.706 · 0.1 = 1.27.
        let i = clustered_mean(&[vec![0.6], vec![0.8]]).unwrap();
        assert!(close(i.estimate, 0.7, 1e-12));
        assert_eq!((i.low, i.high), (0.0, 1.0));
        // Five cases, one repeat: 0.7 ± t(4) · sd / √5.
        let i = clustered_mean(&[vec![0.5], vec![0.6], vec![0.7], vec![0.8], vec![0.9]]).unwrap();
        let half = 2.776_445 * 0.158_113_9 / 5.0_f64.sqrt();
        assert!(
            close(i.low, 0.7 - half, 1e-5) && close(i.high, 0.7 + half, 1e-5),
            "{i:?}"
        );
    }

    #[test]
    fn paired_difference_small_cases() {
        assert_eq!(paired_difference(&[]), None);
        assert_eq!(paired_difference(&[(1.0, 0.0)]), None);
        let same = paired_difference(&[(1.0, 1.0), (0.0, 0.0), (0.5, 0.5)]).unwrap();
        assert_eq!(
            same.difference,
            Interval {
                estimate: 0.0,
                low: 0.0,
                high: 0.0
            }
        );
        assert_eq!((same.sd, same.cases), (0.0, 3));
        // Differences −1, 0, 0, 0, 0, 1, 0, −1 → mean −0.125, sd 0.6409.
        let p = paired_difference(&[
            (0.0, 1.0),
            (1.0, 1.0),
            (1.0, 1.0),
            (0.0, 0.0),
            (1.0, 1.0),
            (1.0, 0.0),
            (1.0, 1.0),
            (0.0, 1.0),
        ])
        .unwrap();
        assert_eq!(p.cases, 8);
        assert!(close(p.difference.estimate, -0.125, 1e-12));
        assert!(close(p.sd, 0.640_870, 1e-6), "{p:?}");
        let half = 2.364_624 * 0.640_870 / 8.0_f64.sqrt();
        assert!(close(p.difference.low, -0.125 - half, 1e-5), "{p:?}");
        assert!(close(p.difference.high, -0.125 + half, 1e-5), "{p:?}");
    }

    #[test]
    fn cases_to_decide_formula() {
        assert_eq!(cases_to_decide(-0.1, 0.3, 0.1), None);
        assert_eq!(cases_to_decide(0.0, 0.0, 0.05), None);
        assert_eq!(cases_to_decide(f64::NAN, 0.3, 0.05), None);
        // (2.801585 · 0.3 / 0.05)² = 282.56 → 283, whichever side of −margin.
        assert_eq!(cases_to_decide(0.0, 0.3, 0.05), Some(283));
        assert_eq!(cases_to_decide(-0.1, 0.3, 0.05), Some(283));
        // A wide gap still needs two cases to have an interval at all.
        assert_eq!(cases_to_decide(0.5, 0.01, 0.1), Some(2));
        assert_eq!(cases_to_decide(1e-300, 1.0, 0.0), Some(u64::MAX));
    }

    /// One case of the paired simulation: the reference passes with
    /// probability `reference`, the candidate with `candidate`. With
    /// probability `shared` both outcomes come from the same uniform draw
    /// (a case that is hard for one model is hard for the other), otherwise
    /// from independent ones, so the marginal pass rates are exact and the
    /// outcomes positively correlated.
    fn paired_case(rng: &mut StdRng, candidate: f64, reference: f64, shared: f64) -> (f64, f64) {
        let u: f64 = rng.random();
        let v: f64 = if rng.random_bool(shared) {
            u
        } else {
            rng.random()
        };
        (f64::from(v < candidate), f64::from(u < reference))
    }

    fn paired_run(rng: &mut StdRng, n: usize, candidate: f64, reference: f64) -> Paired {
        let pairs: Vec<(f64, f64)> = (0..n)
            .map(|_| paired_case(rng, candidate, reference, 0.5))
            .collect();
        paired_difference(&pairs).expect("at least two cases")
    }

    fn paired_coverage(seed: u64, n: usize) -> f64 {
        let mut rng = StdRng::seed_from_u64(seed);
        let truth = 0.85 - 0.90;
        let covered = (0..RUNS)
            .filter(|_| {
                let d = paired_run(&mut rng, n, 0.85, 0.90).difference;
                d.low <= truth && truth <= d.high
            })
            .count();
        covered as f64 / RUNS as f64
    }

    /// Reference 0.90, candidate 0.85, binary outcomes, half of the cases
    /// sharing one draw (phi correlation of the outcomes ≈ 0.40).
    #[test]
    fn paired_interval_covers_at_50_cases() {
        let rate = paired_coverage(50, 50);
        assert!((0.93..=0.97).contains(&rate), "coverage {rate}");
    }

    #[test]
    fn paired_interval_covers_at_500_cases() {
        let rate = paired_coverage(500, 500);
        assert!((0.93..=0.97).contains(&rate), "coverage {rate}");
    }

    /// Three repeats per case; a case is easy (always passed) with probability
    /// 0.6 and hard (passed half the time) otherwise, so the true mean is 0.8
    /// and repeats of a case are strongly correlated (intra-case correlation
    /// 0.375). The clustered interval covers; one that treats the 150 trials
    /// as independent (plain SE over trials) is too narrow and under-covers.
    #[test]
    fn clustered_mean_covers_with_repeats() {
        const CASES: usize = 50;
        const REPEATS: usize = 3;
        let truth = 0.8;
        let mut rng = StdRng::seed_from_u64(3);
        let (mut clustered, mut naive) = (0, 0);
        for _ in 0..RUNS {
            let cases: Vec<Vec<f64>> = (0..CASES)
                .map(|_| {
                    let p = if rng.random_bool(0.6) { 1.0 } else { 0.5 };
                    (0..REPEATS)
                        .map(|_| f64::from(rng.random_bool(p)))
                        .collect()
                })
                .collect();
            let i = clustered_mean(&cases).unwrap();
            clustered += usize::from(i.low <= truth && truth <= i.high);

            let trials: Vec<f64> = cases.concat();
            let m = mean(&trials);
            let half =
                t_quantile(trials.len() - 1) * std_dev(&trials, m) / (trials.len() as f64).sqrt();
            naive += usize::from(m - half <= truth && truth <= m + half);
        }
        let clustered = clustered as f64 / RUNS as f64;
        let naive = naive as f64 / RUNS as f64;
        assert!(
            (0.93..=0.97).contains(&clustered),
            "clustered coverage {clustered}"
        );
        assert!(naive < 0.91, "naive per-trial coverage {naive}");
    }

    /// Runs `cases_to_decide` for the true mean and sd of the paired
    /// simulation, then counts how often that many cases (and half as many)
    /// give an interval wholly on one side of −margin.
    fn power(seed: u64, candidate: f64, reference: f64, margin: f64) -> (u64, f64, f64) {
        // Same construction as `paired_case` with shared = 0.5: the
        // difference is −1, 0 or 1.
        let shared = 0.5;
        let both = shared * candidate.min(reference) + (1.0 - shared) * candidate * reference;
        let only_candidate = candidate - both;
        let only_reference = reference - both;
        let mean = only_candidate - only_reference;
        let sd = (only_candidate + only_reference - mean * mean).sqrt();
        let n = cases_to_decide(mean, sd, margin).unwrap();

        let mut rng = StdRng::seed_from_u64(seed);
        let mut decided = |cases: u64| {
            let hits = (0..RUNS)
                .filter(|_| {
                    let d = paired_run(&mut rng, cases as usize, candidate, reference).difference;
                    d.low > -margin || d.high < -margin
                })
                .count();
            hits as f64 / RUNS as f64
        };
        let full = decided(n);
        let half = decided(n / 2);
        (n, full, half)
    }

    #[test]
    fn cases_to_decide_has_power_when_non_inferior() {
        // Candidate 5 points behind with a 10-point margin: adequate.
        let (n, full, half) = power(7, 0.85, 0.90, 0.10);
        assert!(full >= 0.75, "{n} cases decided {full}");
        assert!(
            half <= full - 0.15,
            "{} cases decided {half}, {n} decided {full}",
            n / 2
        );
    }

    #[test]
    fn tango_at_the_bounds_the_score_is_the_quantile() {
        // No discordant case of 10: the bounds are the Wilson bounds of 0/10.
        let i = tango(0, 0, 10).unwrap();
        assert!(
            close(i.low, -0.2775, 5e-4) && close(i.high, 0.2775, 5e-4),
            "{i:?}"
        );
        let i = tango(5, 1, 50).unwrap();
        assert!(close(i.estimate, 0.08, 1e-12));
        assert!(
            close(i.low, -0.0213, 5e-4) && close(i.high, 0.1980, 5e-4),
            "{i:?}"
        );
        assert_eq!(tango(30, 30, 50), None);
        assert_eq!(tango(0, 0, 0), None);
    }

    /// Pass/fail per case of two models that pass independently with
    /// `candidate` and `reference`: (only the candidate, only the reference).
    fn discordant(rng: &mut StdRng, n: u64, candidate: f64, reference: f64) -> (u64, u64) {
        let (mut b, mut c) = (0, 0);
        for _ in 0..n {
            match (
                rng.random::<f64>() < candidate,
                rng.random::<f64>() < reference,
            ) {
                (true, false) => b += 1,
                (false, true) => c += 1,
                _ => {}
            }
        }
        (b, c)
    }

    #[test]
    fn tango_holds_its_level_at_the_margin_where_the_t_interval_does_not() {
        // A candidate exactly 5 points under the reference (0.93 vs 0.98,
        // about 35 discordant cases of 400): declaring it non-inferior at a
        // 5-point margin is an error that should happen in 2.5% of runs.
        let mut rng = StdRng::seed_from_u64(23);
        let (mut by_tango, mut by_t) = (0, 0);
        for _ in 0..RUNS {
            let (b, c) = discordant(&mut rng, 400, 0.93, 0.98);
            by_tango += usize::from(tango(b, c, 400).unwrap().low > -0.05);
            let pairs: Vec<(f64, f64)> = (0..400)
                .map(|i| match i {
                    i if i < b => (1.0, 0.0),
                    i if i < b + c => (0.0, 1.0),
                    _ => (1.0, 1.0),
                })
                .collect();
            by_t += usize::from(paired_difference(&pairs).unwrap().difference.low > -0.05);
        }
        let (tango_rate, t_rate) = (by_tango as f64 / RUNS as f64, by_t as f64 / RUNS as f64);
        // 2.5% plus two standard errors of a rate over 1,000 runs.
        assert!(
            tango_rate <= 0.035,
            "Tango declared non-inferior in {tango_rate}"
        );
        assert!(t_rate > tango_rate, "t {t_rate} vs Tango {tango_rate}");
    }

    #[test]
    fn cases_to_decide_has_power_when_inferior() {
        // Candidate 15 points behind with a 10-point margin: inferior.
        let (n, full, half) = power(8, 0.75, 0.90, 0.10);
        assert!(full >= 0.75, "{n} cases decided {full}");
        assert!(
            half <= full - 0.15,
            "{} cases decided {half}, {n} decided {full}",
            n / 2
        );
    }

    fn case_values() -> impl Strategy<Value = Vec<Vec<f64>>> {
        prop::collection::vec(prop::collection::vec(0.0..=1.0_f64, 0..5), 0..40)
    }

    fn contains(i: &Interval) -> bool {
        i.low <= i.estimate && i.estimate <= i.high
    }

    proptest! {
        #[test]
        fn clustered_mean_is_an_interval_in_unit_range(cases in case_values()) {
            let nonempty = cases.iter().any(|c| !c.is_empty());
            match clustered_mean(&cases) {
                None => prop_assert!(!nonempty),
                Some(i) => {
                    prop_assert!(contains(&i), "{:?}", i);
                    prop_assert!(0.0 <= i.low && i.high <= 1.0, "{:?}", i);
                }
            }
        }

        #[test]
        fn wilson_is_an_interval_in_unit_range(n in 1..10_000_u64, share in 0.0..=1.0_f64) {
            let passed = (n as f64 * share).round() as u64;
            let i = wilson(passed, n).unwrap();
            prop_assert!(contains(&i), "{:?}", i);
            prop_assert!(0.0 <= i.low && i.high <= 1.0, "{:?}", i);
        }

        #[test]
        fn paired_difference_is_an_interval(
            pairs in prop::collection::vec((0.0..=1.0_f64, 0.0..=1.0_f64), 2..60),
        ) {
            let p = paired_difference(&pairs).unwrap();
            prop_assert!(contains(&p.difference), "{:?}", p);
            prop_assert!(-1.0 <= p.difference.low && p.difference.high <= 1.0, "{:?}", p);
            prop_assert!(p.sd >= 0.0);
            prop_assert_eq!(p.cases, pairs.len() as u64);
        }

        #[test]
        fn tango_is_an_interval_that_mirrors(n in 1..2_000_u64, b_share in 0.0..=1.0_f64, c_share in 0.0..=1.0_f64) {
            let b = (n as f64 * b_share / 2.0).round() as u64;
            let c = (n as f64 * c_share / 2.0).round() as u64;
            let i = tango(b, c, n).unwrap();
            prop_assert!(contains(&i) && -1.0 <= i.low && i.high <= 1.0, "{:?}", i);
            let m = tango(c, b, n).unwrap();
            prop_assert!((i.low + m.high).abs() < 1e-9 && (i.high + m.low).abs() < 1e-9, "{:?} {:?}", i, m);
        }

        #[test]
        fn mcnemar_is_a_probability(b in 0..500_u64, c in 0..500_u64) {
            let p = mcnemar_exact(b, c);
            prop_assert!((0.0..=1.0).contains(&p), "{}", p);
            prop_assert_eq!(p, mcnemar_exact(c, b));
        }
    }
}
