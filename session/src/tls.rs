//! Test certificates made at run time with `rcgen` (no private key is ever
//! committed), and the rustls configurations built on them.
//!
//! [`TestPki::generate`] makes a throw-away CA, a server certificate for
//! `127.0.0.1`, `::1` and `localhost`, and a client certificate for
//! RFC 5734 §9 client authentication, all signed by that CA.

use std::sync::Arc;

use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, ExtendedKeyUsagePurpose, IsCa,
    KeyPair, KeyUsagePurpose,
};
use rustls::RootCertStore;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use rustls::server::WebPkiClientVerifier;

/// Anything that can go wrong making certificates or TLS configurations.
pub type TlsSetupError = Box<dyn std::error::Error + Send + Sync>;

/// A certificate chain (leaf first) with its private key.
#[derive(Debug)]
pub struct Identity {
    /// The leaf certificate, then the CA's.
    pub chain: Vec<CertificateDer<'static>>,
    /// The leaf's private key (PKCS #8).
    pub key: PrivateKeyDer<'static>,
}

impl Clone for Identity {
    fn clone(&self) -> Self {
        Identity {
            chain: self.chain.clone(),
            key: self.key.clone_key(),
        }
    }
}

/// A throw-away public key infrastructure for tests and the loopback example.
#[derive(Debug, Clone)]
pub struct TestPki {
    /// The CA certificate every peer trusts.
    pub ca: CertificateDer<'static>,
    /// The same CA certificate in PEM, for peers outside Rust (the Go and
    /// Python example clients read it from a file).
    pub ca_pem: String,
    /// The server's identity (names `127.0.0.1`, `::1`, `localhost`).
    pub server: Identity,
    /// A registrar's client certificate.
    pub client: Identity,
}

impl TestPki {
    /// Makes a new CA and a server and a client certificate signed by it.
    ///
    /// # Errors
    ///
    /// When `rcgen` fails to generate a key or sign a certificate.
    pub fn generate() -> Result<Self, TlsSetupError> {
        let mut ca_params = CertificateParams::new(Vec::<String>::new())?;
        ca_params
            .distinguished_name
            .push(DnType::CommonName, "epp-codec test CA");
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca_params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate()?)?;
        let ca_der = ca.der().clone();
        let ca_pem = ca.pem();

        let leaf = |names: Vec<String>, purpose: ExtendedKeyUsagePurpose, cn: &str| {
            let mut params = CertificateParams::new(names)?;
            params.distinguished_name.push(DnType::CommonName, cn);
            params.extended_key_usages = vec![purpose];
            let key = KeyPair::generate()?;
            let cert = params.signed_by(&key, &ca)?;
            Ok::<_, TlsSetupError>(Identity {
                chain: vec![cert.der().clone(), ca_der.clone()],
                key: PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
            })
        };
        let server = leaf(
            vec!["127.0.0.1".into(), "::1".into(), "localhost".into()],
            ExtendedKeyUsagePurpose::ServerAuth,
            "epp.test",
        )?;
        let client = leaf(
            vec!["registrar.test".into()],
            ExtendedKeyUsagePurpose::ClientAuth,
            "registrar.test",
        )?;
        Ok(TestPki {
            ca: ca_der,
            ca_pem,
            server,
            client,
        })
    }

    /// The roots a peer of this PKI trusts: its CA alone.
    ///
    /// # Errors
    ///
    /// When the CA certificate is refused by rustls.
    pub fn root_store(&self) -> Result<RootCertStore, TlsSetupError> {
        let mut roots = RootCertStore::empty();
        roots.add(self.ca.clone())?;
        Ok(roots)
    }

    /// A server configuration (TLS 1.2 and 1.3, `ring`) that asks for a
    /// client certificate signed by the CA when `require_client_cert`.
    ///
    /// # Errors
    ///
    /// When rustls refuses the certificates.
    pub fn server_config(
        &self,
        require_client_cert: bool,
    ) -> Result<Arc<rustls::ServerConfig>, TlsSetupError> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = rustls::ServerConfig::builder_with_provider(provider.clone())
            .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])?;
        let builder = if require_client_cert {
            let verifier =
                WebPkiClientVerifier::builder_with_provider(Arc::new(self.root_store()?), provider)
                    .build()?;
            builder.with_client_cert_verifier(verifier)
        } else {
            builder.with_no_client_auth()
        };
        let server = self.server.clone();
        Ok(Arc::new(
            builder.with_single_cert(server.chain, server.key)?,
        ))
    }

    /// A client configuration trusting the CA, presenting the client
    /// certificate when `with_client_cert`, limited to `versions` (both
    /// TLS 1.2 and 1.3 when empty).
    ///
    /// # Errors
    ///
    /// When rustls refuses the certificates.
    pub fn client_config(
        &self,
        with_client_cert: bool,
        versions: &[&'static rustls::SupportedProtocolVersion],
    ) -> Result<Arc<rustls::ClientConfig>, TlsSetupError> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let versions = if versions.is_empty() {
            &[&rustls::version::TLS13, &rustls::version::TLS12][..]
        } else {
            versions
        };
        let builder = rustls::ClientConfig::builder_with_provider(provider)
            .with_protocol_versions(versions)?
            .with_root_certificates(self.root_store()?);
        let config = if with_client_cert {
            let client = self.client.clone();
            builder.with_client_auth_cert(client.chain, client.key)?
        } else {
            builder.with_no_client_auth()
        };
        Ok(Arc::new(config))
    }
}
